/**
 * Waiting for the cloud to finish an asynchronous step: per key, an early look, then the policy's
 * first wait growing by its factor up to its cap.
 */
import type { RetryPolicy } from '../controller/retry-policy.js';

/**
 * The early look: the emulators and many real steps finish within tens of milliseconds, and waiting
 * the policy's first 500 ms for them made one pod take 0.58 s to bind on 70 ms of cloud delay. It
 * adds at most one look to a long step: the later looks happen when they always did (issue 10).
 */
export const EARLY_LOOK_MS = 100;

export class PollDelays {
  private readonly attempts = new Map<string, number>();

  constructor(private readonly policy: RetryPolicy['polls']) {}

  next(key: string): number {
    const attempt = this.attempts.get(key) ?? 0;
    this.attempts.set(key, attempt + 1);
    const { firstMs, maxMs, growth } = this.policy;
    if (firstMs <= EARLY_LOOK_MS) return Math.min(maxMs, Math.round(firstMs * growth ** attempt));
    if (attempt === 0) return EARLY_LOOK_MS;
    if (attempt === 1) return firstMs - EARLY_LOOK_MS;
    return Math.min(maxMs, Math.round(firstMs * growth ** (attempt - 1)));
  }

  settled(key: string): void {
    this.attempts.delete(key);
  }
}
