/**
 * Whether an informer's cache can still be refreshed. The informer lists when it starts, when its
 * watchdog finds the watch silent too long, on 410 Gone and periodically; once synced, a list that
 * keeps failing means the watchdog tripped (or a relist was due) and the cache has not recovered.
 */
export class ListHealth {
  private failingSince: number | undefined;
  private lastError = '';
  private synced = false;

  constructor(
    private readonly path: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Wraps the informer's list so every outcome is recorded. */
  track<A extends unknown[], T>(list: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
    return async (...args) => {
      try {
        const result = await list(...args);
        this.synced = true;
        this.failingSince = undefined;
        return result;
      } catch (error) {
        if (this.synced) this.failingSince ??= this.now();
        this.lastError = (error as Error).message?.split('\n')[0] ?? String(error);
        throw error;
      }
    };
  }

  /** undefined while healthy; otherwise the reason, for /healthz. */
  problem(): string | undefined {
    if (this.failingSince === undefined) return undefined;
    return `informer ${this.path}: relisting has failed for ${this.now() - this.failingSince} ms: ${this.lastError}`;
  }
}
