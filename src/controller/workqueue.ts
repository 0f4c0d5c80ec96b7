/**
 * A keyed work queue in the manner of client-go's: adds of a waiting key are deduplicated, a key is
 * never handled by two workers at once (an add while it is being handled runs it again afterwards),
 * per-key exponential backoff, delayed adds. p-queue supplies the worker concurrency.
 *
 * Delayed adds (a reconcile's requeueAfter, a retry) are follow-ups of work a key has under way and
 * run before fresh adds, like controller-runtime's priority queue: otherwise a claim that allocated
 * waits behind every other claim's pending allocation before it may associate, and a burst binds
 * in one wave at its end.
 */
import PQueue from 'p-queue';

export interface QueueObserver {
  added(): void;
  retried(): void;
  depth(depth: number): void;
}

export interface WorkQueueOptions {
  concurrency: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  observer?: QueueObserver;
}

const FRESH = 0;
const FOLLOW_UP = 1;

const noObserver: QueueObserver = { added: () => undefined, retried: () => undefined, depth: () => undefined };

export class WorkQueue {
  private readonly workers: PQueue;
  /** Keys waiting to be handled, with their priority. */
  private readonly waiting = new Map<string, number>();
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

  /** Adds the key after `delayMs`; an earlier pending delayed add of the same key wins. */
  addAfter(key: string, delayMs: number): void {
    if (this.shuttingDown) return;
    if (delayMs <= 0) return this.enqueue(key, FOLLOW_UP);
    const at = Date.now() + delayMs;
    const existing = this.delayed.get(key);
    if (existing && existing.at <= at) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => {
      this.delayed.delete(key);
      this.enqueue(key, FOLLOW_UP);
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
    const waitingAt = this.waiting.get(key);
    if (waitingAt !== undefined) return this.raise(key, waitingAt, priority);
    this.waiting.set(key, priority);
    this.observer.added();
    this.observer.depth(this.waiting.size);
    if (!this.processing.has(key)) this.dispatch(key);
  }

  private raise(key: string, current: number, wanted: number): void {
    if (wanted <= current) return;
    this.waiting.set(key, wanted);
    // A waiting key that is not being handled is dispatched: its task waits in p-queue under the key as id.
    if (!this.processing.has(key)) this.workers.setPriority(key, wanted);
  }

  private dispatch(key: string): void {
    // handle() reports its own failures; the queue only sequences.
    this.workers.add(() => this.run(key), { id: key, priority: this.waiting.get(key) }).catch(() => undefined);
  }

  private async run(key: string): Promise<void> {
    if (!this.waiting.delete(key)) return;
    this.observer.depth(this.waiting.size);
    this.processing.add(key);
    try {
      await this.handle(key);
    } finally {
      this.processing.delete(key);
      if (this.waiting.has(key) && !this.shuttingDown) this.dispatch(key);
    }
  }
}
