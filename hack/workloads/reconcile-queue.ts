/**
 * Runs a level-triggered reconcile per key on the project's WorkQueue: a failed reconcile retries
 * with backoff, and a reconcile may ask to run again later (a grace period or startup delay ending).
 */
import { WorkQueue } from '../../src/controller/workqueue.js';

export type ReconcileResult = void | undefined | { requeueAfterMs: number };

/** Simulated controllers retry quickly: a conflict with another writer should heal within seconds. */
const LONGEST_RETRY_MS = 2000;
const SHUTDOWN_GRACE_MS = 5000;

export class ReconcileQueue {
  private readonly queue: WorkQueue;

  constructor(reconcile: (key: string) => Promise<ReconcileResult>, concurrency = 4) {
    this.queue = new WorkQueue(async (key) => {
      try {
        const result = await reconcile(key);
        this.queue.forget(key);
        if (result) this.queue.addAfter(key, result.requeueAfterMs);
      } catch {
        this.queue.addRateLimited(key);
      }
    }, { concurrency, maxDelayMs: LONGEST_RETRY_MS });
  }

  add(key: string): void {
    this.queue.add(key);
  }

  stop(): Promise<void> {
    return this.queue.shutDown(SHUTDOWN_GRACE_MS);
  }
}
