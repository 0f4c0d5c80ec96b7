/**
 * Watches one collection and remembers, per object name, when each version was seen, so the
 * benchmark can both await a condition over all objects and read per-object durations afterwards.
 * A watch that ends is started again; its replayed ADDED events only repeat sightings, and
 * durations are read from first sightings.
 */
import { Watch, type KubeConfig } from '@kubernetes/client-node';

export interface Sighting<T> {
  atMs: number;
  object: T;
}

interface Waiter<T> {
  what: string;
  done: (current: Map<string, T>) => boolean;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class ObjectTimeline<T extends { metadata?: { name?: string } }> {
  private readonly history = new Map<string, Array<Sighting<T>>>();
  private readonly current = new Map<string, T>();
  private readonly waiters = new Set<Waiter<T>>();
  private abort: AbortController | undefined;
  private stopped = false;

  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly path: string,
    private readonly now: () => number,
  ) {}

  async start(): Promise<void> {
    if (this.stopped) return;
    this.abort = await new Watch(this.kubeConfig).watch(this.path, {}, (type, object: T) => this.record(type, object), () => {
      if (!this.stopped) setTimeout(() => void this.start(), 100);
    });
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    for (const waiter of this.waiters) this.settle(waiter, new Error(`stopped while waiting for ${waiter.what}`));
  }

  latest(): T[] {
    return [...this.current.values()];
  }

  sightings(name: string): Array<Sighting<T>> {
    return this.history.get(name) ?? [];
  }

  /** Resolves once `done` holds for the current objects; rejects after the timeout. */
  until(what: string, done: (current: Map<string, T>) => boolean, timeoutMs: number): Promise<void> {
    if (done(this.current)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter<T> = { what, done, resolve, reject, timer: setTimeout(() => this.settle(waiter, new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`)), timeoutMs) };
      this.waiters.add(waiter);
    });
  }

  private record(type: string, object: T): void {
    const name = object.metadata?.name;
    if (!name || type === 'BOOKMARK' || type === 'ERROR') return;
    if (type === 'DELETED') this.current.delete(name);
    else this.current.set(name, object);
    const sightings = this.history.get(name) ?? [];
    sightings.push({ atMs: this.now(), object });
    this.history.set(name, sightings);
    for (const waiter of this.waiters) if (waiter.done(this.current)) this.settle(waiter);
  }

  private settle(waiter: Waiter<T>, error?: Error): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    if (error) waiter.reject(error);
    else waiter.resolve();
  }
}
