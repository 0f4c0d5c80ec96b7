/**
 * List + watch + cache for one resource, written for client-node 1.4's Watch rather than its
 * ListWatch, whose 'error' is terminal: here a failed or closed watch is re-opened from the last
 * resourceVersion, a 410 Gone relists, a watch silent for too long is rebuilt (watchdog), a
 * periodic relist heals anything missed, and once stop() is called nothing starts again.
 * Whatever triggers them, one relist runs at a time and one watch is open at a time.
 */
import { type KubeConfig, Watch } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import type { PageSink } from './paged-list.js';

export interface InformerSource<T> {
  /** API path to watch, e.g. `/api/v1/pods`. */
  watchPath: string;
  /**
   * Lists the collection: its items either handed to `pages` as they arrive (each page trimmed by
   * transform before the next is read) or returned in `items`; resolves with the list's resourceVersion.
   */
  list(pages: PageSink): Promise<{ items?: unknown[]; resourceVersion: string }>;
  transform(raw: unknown): T;
  keyOf(object: T): string;
  resourceVersionOf(object: T): string;
}

export interface InformerOptions {
  relistIntervalMs?: number;
  /** Rebuild a watch that delivered nothing (not even a bookmark) for this long. */
  quietLimitMs?: number;
  retryDelayMs?: number;
  logger: Logger;
  onChange(key: string): void;
}

interface WatchHandle {
  aborted: boolean;
  controller?: AbortController;
}

function abortWatch(handle: WatchHandle | undefined): void {
  if (!handle) return;
  handle.aborted = true;
  handle.controller?.abort();
}

interface WatchEvent {
  type: string;
  object: { metadata?: { resourceVersion?: string }; code?: number };
}

export class Informer<T> {
  private readonly cache = new Map<string, T>();
  private readonly watcher: Watch;
  private resourceVersion = '';
  private current: WatchHandle | undefined;
  private stopped = false;
  private hasSynced = false;
  private lastEventAt = Date.now();
  private readonly timers = new Set<NodeJS.Timeout>();
  private watchdog: NodeJS.Timeout | undefined;
  private relister: NodeJS.Timeout | undefined;
  private resyncing: Promise<void> | undefined;
  private readonly relistIntervalMs: number;
  private readonly quietLimitMs: number;
  private readonly retryDelayMs: number;

  constructor(
    kubeConfig: KubeConfig,
    private readonly source: InformerSource<T>,
    private readonly options: InformerOptions,
  ) {
    this.watcher = new Watch(kubeConfig);
    this.relistIntervalMs = options.relistIntervalMs ?? 600_000;
    this.quietLimitMs = options.quietLimitMs ?? 300_000;
    this.retryDelayMs = options.retryDelayMs ?? 1_000;
  }

  /** Resolves once the first list is in the cache (retrying until it is, or until stop()). */
  async start(): Promise<void> {
    await this.resync();
    if (this.stopped) return;
    this.watchdog = setInterval(() => this.checkQuiet(), Math.min(this.quietLimitMs, 30_000));
    this.relister = setInterval(() => void this.resync(), this.relistIntervalMs);
  }

  get synced(): boolean {
    return this.hasSynced;
  }

  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  list(): T[] {
    return [...this.cache.values()];
  }

  /** Write-through of an object podeip itself just wrote, so the next reconcile sees it at once. */
  observe(raw: unknown): void {
    const object = this.source.transform(raw);
    const key = this.source.keyOf(object);
    const current = this.cache.get(key);
    if (current && !isNewer(this.source.resourceVersionOf(object), this.source.resourceVersionOf(current))) return;
    this.cache.set(key, object);
  }

  forget(key: string): void {
    this.cache.delete(key);
  }

  stop(): void {
    this.stopped = true;
    this.closeWatch();
    clearInterval(this.watchdog);
    clearInterval(this.relister);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /**
   * Closes the watch, lists until a list succeeds and watches from there. Single-flight: a trigger
   * (periodic, watchdog, 410 Gone) while one runs joins it, as its list and new watch cover the trigger.
   */
  private resync(): Promise<void> {
    this.resyncing ??= this.relistUntilListed().finally(() => (this.resyncing = undefined));
    return this.resyncing;
  }

  private async relistUntilListed(): Promise<void> {
    this.closeWatch();
    while (!this.stopped) {
      try {
        await this.relist();
        return;
      } catch (error) {
        this.options.logger.warn({ err: error, path: this.source.watchPath }, 'list failed, retrying');
        await this.pause(this.retryDelayMs);
      }
    }
  }

  private async relist(): Promise<void> {
    const listed = new Map<string, T>();
    const add = (items: unknown[]) => {
      for (const raw of items) {
        const object = this.source.transform(raw);
        listed.set(this.source.keyOf(object), object);
      }
    };
    const { items = [], resourceVersion } = await this.source.list({ add, restart: () => listed.clear() });
    add(items);
    if (this.stopped) return;
    // A list older than what was seen: the store went back in time (an etcd restore); what it lists now is the truth.
    const rolledBack = isOlder(resourceVersion, this.resourceVersion);
    for (const [key, object] of listed) this.merge(key, object, rolledBack);
    // An unlisted object newer than the list was observed (created) after the list was taken.
    for (const [key, cached] of [...this.cache]) {
      if (!listed.has(key) && (rolledBack || !isOlder(resourceVersion, this.source.resourceVersionOf(cached)))) {
        this.cache.delete(key);
        this.options.onChange(key);
      }
    }
    this.resourceVersion = resourceVersion;
    this.hasSynced = true;
    this.openWatch();
  }

  /** A listed object not newer than the cached one (podeip's own write, observed after the list was taken) is stale, unless the store was rolled back. */
  private merge(key: string, listed: T, rolledBack: boolean): void {
    const cached = this.cache.get(key);
    const listedVersion = this.source.resourceVersionOf(listed);
    if (cached && (rolledBack ? listedVersion === this.source.resourceVersionOf(cached) : !isNewer(listedVersion, this.source.resourceVersionOf(cached)))) return;
    this.cache.set(key, listed);
    this.options.onChange(key);
  }

  private closeWatch(): void {
    abortWatch(this.current);
    this.current = undefined;
  }

  /** The only place a watch opens; it replaces the current one, so one watch at most is ever open. */
  private openWatch(): void {
    if (this.stopped) return;
    this.closeWatch();
    this.lastEventAt = Date.now();
    let gone = false;
    const handle: WatchHandle = { aborted: false };
    this.current = handle;
    const onEvent = (type: string, object: WatchEvent['object']) => {
      if (handle.aborted) return;
      this.lastEventAt = Date.now();
      if (type === 'ERROR') {
        // 410 Gone, or 504 "Too large resource version" (the store went back in time): only a list recovers.
        gone = object.code === 410 || object.code === 504;
        return;
      }
      const version = object.metadata?.resourceVersion;
      if (version) this.resourceVersion = version;
      if (type !== 'BOOKMARK') this.apply(type, object);
    };
    const onDone = (error: unknown) => {
      if (this.stopped || handle.aborted) return;
      handle.aborted = true;
      if (gone || statusOf(error) === 410) return void this.resync();
      if (error) this.options.logger.debug({ err: error, path: this.source.watchPath }, 'watch ended, re-opening');
      // A resync (or another re-open) that replaced this watch meanwhile has opened its own.
      this.later(error ? this.retryDelayMs : 0, () => {
        if (this.current === handle) this.openWatch();
      });
    };
    const params = { resourceVersion: this.resourceVersion, allowWatchBookmarks: true };
    void this.watcher.watch(this.source.watchPath, params, onEvent, onDone).then((controller) => {
      handle.controller = controller;
      if (handle.aborted) controller.abort();
    }, onDone);
  }

  /**
   * An event older than the cached object (a write-through observed first, or a predecessor of the
   * same name deleted before this one was created) would bring back a state that is gone.
   */
  private apply(type: string, raw: unknown): void {
    const object = this.source.transform(raw);
    const key = this.source.keyOf(object);
    const cached = this.cache.get(key);
    if (cached && isOlder(this.source.resourceVersionOf(object), this.source.resourceVersionOf(cached))) return;
    if (type === 'DELETED') this.cache.delete(key);
    else this.cache.set(key, object);
    this.options.onChange(key);
  }

  private checkQuiet(): void {
    if (Date.now() - this.lastEventAt > this.quietLimitMs) {
      this.options.logger.info({ path: this.source.watchPath }, 'watch silent for too long, rebuilding');
      this.lastEventAt = Date.now();
      void this.resync();
    }
  }

  private later(delayMs: number, action: () => void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, delayMs);
    this.timers.add(timer);
  }

  private pause(delayMs: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.later(delayMs, resolve));
  }
}

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number } | null)?.statusCode;
}

/** resourceVersions are opaque, but API servers issue integers; others compare only as equal or not (never as older). */
function isNewer(candidate: string, current: string): boolean {
  if (isInteger(candidate) && isInteger(current)) return BigInt(candidate) > BigInt(current);
  return candidate !== current;
}

function isOlder(candidate: string, current: string): boolean {
  return isInteger(candidate) && isInteger(current) && BigInt(candidate) < BigInt(current);
}

function isInteger(version: string): boolean {
  return /^\d+$/.test(version);
}
