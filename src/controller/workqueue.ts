/**
 * A keyed work queue in the manner of client-go's: adds of a waiting key are deduplicated, a key is
 * never handled by two workers at once (an add while it is being handled runs it again afterwards),
 * per-key exponential backoff, delayed adds. p-queue supplies the worker concurrency.
 *
 * Waiting keys run by priority, like controller-runtime's priority queue, first come first served
 * within one priority (a key added again keeps its place unless it is raised):
 * 1. follow-ups, `addAfter(key, 0)`: a key continuing work it has under way; otherwise a claim that
 *    allocated waits behind every other claim's pending allocation before it may associate, and a
 *    burst binds in one wave at its end;
 * 2. fresh adds, `add(key)`: a change someone made, such as a deleted pod whose address must go;
 * 3. due polls and retries (delayed adds whose time came) and resyncs, `addResync(key)`: otherwise
 *    fresh work waits behind every poll of a thousand waiting claims.
 */
import { performance } from 'node:perf_hooks';
import PQueue from 'p-queue';

export interface QueueObserver {
  added(): void;
  retried(): void;
  depth(depth: number): void;
  /** How long a key waited from its add until a worker took it. */
  waited(seconds: number): void;
  /** How long handling a key took. */
  worked(seconds: number): void;
}

export interface WorkQueueOptions {
  concurrency: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  observer?: QueueObserver;
}

const DUE = 0;
const FRESH = 1;
const FOLLOW_UP = 2;

interface Waiting {
  priority: number;
  /** performance.now() of the add that made the key wait. */
  since: number;
}

const noObserver: QueueObserver = { added: () => undefined, retried: () => undefined, depth: () => undefined, waited: () => undefined, worked: () => undefined };

export class WorkQueue {
  private readonly workers: PQueue;
  private readonly waiting = new Map<string, Waiting>();
  private readonly processing = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly delayed = new Map<string, { timer: NodeJS.Timeout; at: number }>();
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly observer: QueueObserver;
  private shuttingDown = false;

  constructor(
    private readonly handle: (key: string) => Promise<void>,
    options: WorkQueueOptions,
  ) {
    this.workers = new PQueue({ concurrency: options.concurrency });
    this.baseDelayMs = options.baseDelayMs ?? 5;
    this.maxDelayMs = options.maxDelayMs ?? 1_000_000;
    this.observer = options.observer ?? noObserver;
  }

  add(key: string): void {
    this.enqueue(key, FRESH);
  }

  /** Adds the key behind fresh work: a pass over every key (the initial list, a periodic sync). */
  addResync(key: string): void {
    this.enqueue(key, DUE);
  }

  /** Adds the key after `delayMs` (at once as a follow-up when 0); an earlier pending delayed add of the same key wins. */
  addAfter(key: string, delayMs: number): void {
    if (this.shuttingDown) return;
    if (delayMs <= 0) return this.enqueue(key, FOLLOW_UP);
    const at = Date.now() + delayMs;
    const existing = this.delayed.get(key);
    if (existing && existing.at <= at) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => {
      this.delayed.delete(key);
      this.enqueue(key, DUE);
    }, Math.min(delayMs, 2 ** 31 - 1));
    this.delayed.set(key, { timer, at });
  }

  /** Adds the key after its next backoff step: base·2^failures, capped. */
  addRateLimited(key: string): void {
    this.observer.retried();
    this.addAfter(key, this.nextBackoff(key));
  }

  nextBackoff(key: string): number {
    const failures = this.failures.get(key) ?? 0;
    this.failures.set(key, failures + 1);
    return Math.min(this.baseDelayMs * 2 ** failures, this.maxDelayMs);
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  get depth(): number {
    return this.waiting.size;
  }

  /** Stops taking work, drops what has not started, and waits up to `graceMs` for what has. */
  async shutDown(graceMs: number): Promise<void> {
    this.shuttingDown = true;
    for (const { timer } of this.delayed.values()) clearTimeout(timer);
    this.delayed.clear();
    this.workers.clear();
    this.waiting.clear();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.workers.onIdle(), deadline]);
    clearTimeout(timer);
  }

  /** Adding a waiting key only raises its priority. */
  private enqueue(key: string, priority: number): void {
    if (this.shuttingDown) return;
    const waiting = this.waiting.get(key);
    if (waiting) return this.raise(key, waiting, priority);
    this.waiting.set(key, { priority, since: performance.now() });
    this.observer.added();
    this.observer.depth(this.waiting.size);
    if (!this.processing.has(key)) this.dispatch(key);
  }

  private raise(key: string, waiting: Waiting, wanted: number): void {
    if (wanted <= waiting.priority) return;
    waiting.priority = wanted;
    // A waiting key that is not being handled is dispatched: its task waits in p-queue under the key as id.
    if (!this.processing.has(key)) this.workers.setPriority(key, wanted);
  }

  private dispatch(key: string): void {
    // handle() reports its own failures; the queue only sequences.
    this.workers.add(() => this.run(key), { id: key, priority: this.waiting.get(key)?.priority }).catch(() => undefined);
  }

  private async run(key: string): Promise<void> {
    const waiting = this.waiting.get(key);
    if (!waiting) return;
    this.waiting.delete(key);
    this.observer.depth(this.waiting.size);
    const started = performance.now();
    this.observer.waited((started - waiting.since) / 1000);
    this.processing.add(key);
    try {
      await this.handle(key);
    } finally {
      this.observer.worked((performance.now() - started) / 1000);
      this.processing.delete(key);
      if (this.waiting.has(key) && !this.shuttingDown) this.dispatch(key);
    }
  }
}
