/**
 * A keyed work queue in the manner of client-go's: adds of a waiting key are deduplicated, a key is
 * never handled by two workers at once (an add while it is being handled runs it again afterwards),
 * per-key exponential backoff, delayed adds. p-queue supplies the worker concurrency; ReadyKeys
 * decides which key a free worker takes: follow-ups (`addAfter(key, 0)`) first, then fresh adds
 * (`add`) and due work (delayed adds whose time came, `addResync`) by turns.
 */
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
import { performance } from 'node:perf_hooks';
import PQueue from 'p-queue';
import { type Lane, outranks, ReadyKeys } from './ready-keys.js';

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
  /** After a failure; default: the retry policy's. */
  backoff?: RetryPolicy['errorBackoff'];
  observer?: QueueObserver;
}

interface Waiting {
  lane: Lane;
  /** performance.now() of the add that made the key wait. */
  since: number;
}

const noObserver: QueueObserver = { added: () => undefined, retried: () => undefined, depth: () => undefined, waited: () => undefined, worked: () => undefined };

export class WorkQueue {
  private readonly workers: PQueue;
  private readonly waiting = new Map<string, Waiting>();
  /** The waiting keys not being handled; each has one task in `workers` that takes the next of them. */
  private readonly ready = new ReadyKeys();
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
    this.baseDelayMs = (options.backoff ?? DEFAULT_RETRY_POLICY.errorBackoff).baseMs;
    this.maxDelayMs = (options.backoff ?? DEFAULT_RETRY_POLICY.errorBackoff).maxMs;
    this.observer = options.observer ?? noObserver;
  }

  add(key: string): void {
    this.enqueue(key, 'fresh');
  }

  /** Adds the key as due work, not as a change: a pass over every key (the initial list, a cloud sync pass). */
  addResync(key: string): void {
    this.enqueue(key, 'due');
  }

  /**
   * Adds the key after `delayMs` (at once as a follow-up when 0); an earlier pending delayed add of the
   * same key wins. A `look` (a read of what the key waits for) runs when the delay is over and the key
   * is added once it has answered: a wait for the cloud's rate limit or reply holds no worker.
   */
  addAfter(key: string, delayMs: number, look?: () => Promise<unknown>): void {
    if (this.shuttingDown) return;
    if (delayMs <= 0 && !look) return this.enqueue(key, 'followUp');
    const at = Date.now() + delayMs;
    const existing = this.delayed.get(key);
    if (existing && existing.at <= at) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => {
      this.delayed.delete(key);
      if (!look) return this.enqueue(key, 'due');
      // A failed look is the reconcile's to meet and report; the queue only waits for it.
      void look().catch(() => undefined).then(() => this.enqueue(key, 'due'));
    }, Math.min(Math.max(delayMs, 0), 2 ** 31 - 1));
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
    this.ready.clear();
    this.waiting.clear();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.workers.onIdle(), deadline]);
    clearTimeout(timer);
  }

  /** Adding a waiting key only moves it to a higher lane. */
  private enqueue(key: string, lane: Lane): void {
    if (this.shuttingDown) return;
    const waiting = this.waiting.get(key);
    if (waiting) return this.raise(key, waiting, lane);
    this.waiting.set(key, { lane, since: performance.now() });
    this.observer.added();
    this.observer.depth(this.waiting.size);
    if (!this.processing.has(key)) this.makeReady(key, lane);
  }

  private raise(key: string, waiting: Waiting, wanted: Lane): void {
    if (!outranks(wanted, waiting.lane)) return;
    if (!this.processing.has(key)) this.ready.move(key, waiting.lane, wanted);
    waiting.lane = wanted;
  }

  private makeReady(key: string, lane: Lane): void {
    this.ready.put(key, lane);
    // handle() reports its own failures; the queue only sequences.
    this.workers.add(() => this.runNext()).catch(() => undefined);
  }

  private async runNext(): Promise<void> {
    const key = this.ready.take();
    if (key === undefined) return;
    const { since } = this.waiting.get(key)!;
    this.waiting.delete(key);
    this.observer.depth(this.waiting.size);
    const started = performance.now();
    this.observer.waited((started - since) / 1000);
    this.processing.add(key);
    try {
      await this.handle(key);
    } finally {
      this.observer.worked((performance.now() - started) / 1000);
      this.processing.delete(key);
      const again = this.waiting.get(key);
      if (again && !this.shuttingDown) this.makeReady(key, again.lane);
    }
  }
}
