/**
 * Runs a reconciler over keys from a WorkQueue, handling the result the way controller-runtime does:
 * an error requeues with per-key backoff, `requeueAfterMs` requeues after that delay and resets the
 * backoff, success resets the backoff. Each reconcile gets a child logger with a reconcileID.
 * Adds before start() are ignored: start() is given every key that exists (level-triggered) and
 * queues them as resyncs, which take turns with changes seen meanwhile (see ReadyKeys).
 */
import type { RetryPolicy } from './retry-policy.js';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ControllerMetrics, ReconcileResultLabel } from '../telemetry/metrics.js';
import { WorkQueue } from './workqueue.js';
import { splitKey } from '../k8s/eipclaim.js';

export interface ReconcileResult {
  requeueAfterMs?: number;
  /** With requeueAfterMs: a read to make when the delay is over, off the workers; the key runs again once it answered. */
  lookFirst?: () => Promise<unknown>;
}

export type Reconciler = (key: string, logger: Logger) => Promise<ReconcileResult>;

export interface KeyedControllerOptions {
  concurrency: number;
  backoff?: RetryPolicy['errorBackoff'];
  metrics: ControllerMetrics;
  logger: Logger;
}

export class KeyedController {
  private readonly queue: WorkQueue;
  private running = false;

  constructor(
    readonly name: string,
    private readonly reconciler: Reconciler,
    private readonly options: KeyedControllerOptions,
  ) {
    this.queue = new WorkQueue((key) => this.reconcileOnce(key), {
      concurrency: options.concurrency,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      observer: options.metrics.queueObserver(name),
    });
  }

  start(keys: Iterable<string>): void {
    this.running = true;
    for (const key of keys) this.queue.addResync(key);
  }

  enqueue(key: string): void {
    if (this.running) this.queue.add(key);
  }

  /** Queues a key that a pass over every key visits (a resync, not a change). */
  enqueueResync(key: string): void {
    if (this.running) this.queue.addResync(key);
  }

  enqueueAfter(key: string, delayMs: number): void {
    if (this.running) this.queue.addAfter(key, delayMs);
  }

  async shutDown(graceMs: number): Promise<void> {
    this.running = false;
    await this.queue.shutDown(graceMs);
  }

  private async reconcileOnce(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const logger = this.options.logger.child({ controller: this.name, namespace, name, reconcileID: randomUUID() });
    const started = process.hrtime.bigint();
    let result: ReconcileResultLabel;
    try {
      const outcome = await this.reconciler(key, logger);
      if (outcome.requeueAfterMs !== undefined) {
        this.queue.forget(key);
        this.queue.addAfter(key, outcome.requeueAfterMs, outcome.lookFirst);
        result = 'requeue_after';
      } else {
        this.queue.forget(key);
        result = 'success';
      }
    } catch (error) {
      logger[isExpectedFailure(error) ? 'debug' : 'warn']({ err: error }, 'reconcile failed, will retry');
      this.queue.addRateLimited(key);
      result = 'error';
    }
    this.options.metrics.reconciled(this.name, result, Number(process.hrtime.bigint() - started) / 1e9);
  }
}

/** A failure that was meant to happen and was reported where it arose (e.g. a write dry-run refused). */
export function isExpectedFailure(error: unknown): boolean {
  return (error as { expected?: unknown } | undefined)?.expected === true;
}
