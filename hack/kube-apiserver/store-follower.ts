/**
 * The skeleton of the in-process controllers (garbage collector, namespace controller): they follow
 * the store's events and do their work after the write that caused it, never inside it.
 */
import type { ObjectStore, StoredEvent } from './object-store.js';

export abstract class StoreFollower {
  private readonly tasks: Array<() => void> = [];
  private scheduled: NodeJS.Immediate | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly store: ObjectStore) {}

  start(): void {
    this.unsubscribe = this.store.subscribe((event) => this.observe(event));
  }

  stop(): void {
    this.unsubscribe?.();
    if (this.scheduled) clearImmediate(this.scheduled);
  }

  protected abstract observe(event: StoredEvent): void;

  /** Runs the task once the write being observed has finished. */
  protected afterWrite(task: () => void): void {
    this.tasks.push(task);
    this.scheduled ??= setImmediate(() => this.runTasks());
  }

  /** A task that finds its object changed or gone under it is dropped; the next event schedules anew. */
  private runTasks(): void {
    this.scheduled = undefined;
    for (const task of this.tasks.splice(0)) {
      try {
        task();
      } catch {
        // the object changed concurrently; a later event re-schedules the work
      }
    }
  }
}
