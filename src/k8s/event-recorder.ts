/**
 * core/v1 Events on pods and claims. A repeat of the same (object, type, reason) bumps the count,
 * lastTimestamp and message of the Event already written instead of adding another object (failure
 * messages carry a new request id each time, so the message cannot be part of the identity).
 * Repeats beyond a rate are dropped (EventSpamFilter). Best effort: a failed event write is logged, never thrown.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../clock/clock.js';
import { EventSpamFilter } from './event-spam-filter.js';
import type { KubeApi } from './kube-api.js';

export interface EventTarget {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
}

export type EventType = 'Normal' | 'Warning';

/** Events about a cluster-scoped object (namespace '') live in `default`, as kube-apiserver's own do; kubectl describe finds them by an empty involvedObject namespace. */
function eventNamespaceOf(target: EventTarget): string {
  return target.namespace || 'default';
}

/** Events remembered for aggregation; the oldest are forgotten beyond this (a repeat then starts a new Event). */
const REMEMBERED_EVENTS = 10_000;

interface Written {
  name: string;
  count: number;
}

export class EventRecorder {
  private readonly written = new Map<string, Promise<Written | undefined>>();
  private lastNamedMs = 0;
  private namedThisMs = 0;
  private readonly spam: EventSpamFilter;

  constructor(
    private readonly api: KubeApi,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly instance: string,
  ) {
    this.spam = new EventSpamFilter(clock);
  }

  async record(target: EventTarget, type: EventType, reason: string, message: string): Promise<void> {
    const key = [target.uid, type, reason].join('\u0000');
    if (!this.spam.allows(key)) return;
    const previous = this.written.get(key) ?? Promise.resolve(undefined);
    const next = previous.then((written) => this.write(target, type, reason, message, written));
    this.written.delete(key);
    this.written.set(key, next);
    if (this.written.size > REMEMBERED_EVENTS) this.written.delete(this.written.keys().next().value!);
    await next;
  }

  /** How many events this recorder already named in `now`'s millisecond. */
  private sequenceWithin(now: Date): number {
    const ms = now.getTime();
    this.namedThisMs = ms === this.lastNamedMs ? this.namedThisMs + 1 : 0;
    this.lastNamedMs = ms;
    return this.namedThisMs;
  }

  private async write(target: EventTarget, type: EventType, reason: string, message: string, written: Written | undefined): Promise<Written | undefined> {
    const now = this.clock.now();
    try {
      if (written) {
        const count = written.count + 1;
        await this.api.patchEvent(eventNamespaceOf(target), written.name, { count, message, lastTimestamp: now.toISOString() });
        return { name: written.name, count };
      }
      const name = eventNameFor(target, now, this.sequenceWithin(now));
      await this.api.createEvent(eventNamespaceOf(target), {
        metadata: { name, namespace: eventNamespaceOf(target) },
        involvedObject: { apiVersion: target.apiVersion, kind: target.kind, name: target.name, ...(target.namespace ? { namespace: target.namespace } : {}), uid: target.uid },
        type,
        reason,
        message,
        count: 1,
        firstTimestamp: now,
        lastTimestamp: now,
        source: { component: 'podeip' },
        reportingComponent: 'podeip',
        reportingInstance: this.instance,
      });
      return { name, count: 1 };
    } catch (error) {
      this.logger.warn({ err: error, reason, object: `${target.namespace}/${target.name}` }, 'could not write event');
      return undefined;
    }
  }
}

/**
 * As client-go names events (`<object>.<UnixNano in hex>`), so that listing them, in key order, lists
 * them in the order they happened: kubectl describe keeps that order for events of the same second
 * (times are stored to the second). Random digits after the time keep two replicas' names apart.
 */
function eventNameFor(target: EventTarget, now: Date, sequence: number): string {
  // Events of one millisecond are ordered by this recorder's count of them.
  const nanoseconds = (BigInt(now.getTime()) * 1_000_000n + BigInt(sequence)).toString(16).padStart(16, '0');
  return `${target.name}.${nanoseconds}${randomBytes(3).toString('hex')}`;
}
