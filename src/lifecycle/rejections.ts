/**
 * Keys whose last cloud call was refused in a way retrying alone will not fix (invalid request, no
 * permission, no quota): they are not retried on every pod or claim update (podeip's own status
 * writes among them), only after a while or once what the key's state asks for changes.
 */
import type { Clock } from '../clock/clock.js';

interface Rejection {
  until: number;
  fingerprint: string;
}

export class Rejections {
  private readonly byKey = new Map<string, Rejection>();

  constructor(private readonly clock: Clock) {}

  record(key: string, fingerprint: string, holdMs: number): void {
    this.byKey.set(key, { until: this.clock.now().getTime() + holdMs, fingerprint });
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
