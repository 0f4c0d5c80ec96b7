/**
 * Runs a level-triggered reconcile per key on the project's WorkQueue: a failed reconcile retries
 * with backoff, and a reconcile may ask to run again later (a grace period or startup delay ending).
 */
import { WorkQueue } from '../../src/controller/workqueue.js';
import type { KubernetesObject } from '@kubernetes/client-node';
import { objectKey, sameJson, splitKey } from './wire.js';

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
    }, { concurrency, backoff: { baseMs: 5, maxMs: LONGEST_RETRY_MS } });
  }

  add(key: string): void {
    this.queue.add(key);
  }

  stop(): Promise<void> {
    return this.queue.shutDown(SHUTDOWN_GRACE_MS);
  }
}

/** A controller reconciling keys from its own queue; subclasses say what a key's reconcile does. */
export abstract class QueuedController {
  protected readonly queue = new ReconcileQueue((key) => this.sync(key));

  stop(): Promise<void> {
    return this.queue.stop();
  }

  protected abstract sync(key: string): Promise<ReconcileResult>;
}

/** Writes a status through its subresource unless the cached object already carries it. */
export async function writeStatusIfChanged<T extends KubernetesObject & { status?: S }, S>(
  object: T,
  status: S,
  replace: (request: { name: string; namespace: string; body: T }) => Promise<unknown>,
): Promise<void> {
  if (sameJson(object.status, status)) return;
  await replace({ ...splitKey(objectKey(object)), body: { ...object, status } });
}
