/**
 * Keys whose last cloud call was rejected for good (invalid request, no permission): they are not
 * retried on every pod or claim update, only after a while or once what was asked for changes.
 */
import type { Clock } from '../clock/clock.js';

interface Rejection {
  until: number;
  fingerprint: string;
}

export class Rejections {
  private readonly byKey = new Map<string, Rejection>();

  constructor(
    private readonly holdMs: number,
    private readonly clock: Clock,
  ) {}

  record(key: string, fingerprint: string): void {
    this.byKey.set(key, { until: this.clock.now().getTime() + this.holdMs, fingerprint });
  }

  forget(key: string): void {
    this.byKey.delete(key);
  }

  /** Milliseconds to keep waiting, or undefined when the key may go to the cloud again. */
  remaining(key: string, fingerprint: string): number | undefined {
    const rejection = this.byKey.get(key);
    if (!rejection) return undefined;
    const remainingMs = rejection.until - this.clock.now().getTime();
    if (remainingMs > 0 && rejection.fingerprint === fingerprint) return remainingMs;
    this.byKey.delete(key);
    return undefined;
  }
}
