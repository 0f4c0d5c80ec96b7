/** Waiting for the cloud to finish an asynchronous step: per key, the wait grows by the policy's factor up to its cap. */
import type { RetryPolicy } from '../controller/retry-policy.js';

export class PollDelays {
  private readonly attempts = new Map<string, number>();

  constructor(private readonly policy: RetryPolicy['polls']) {}

  next(key: string): number {
    const attempt = this.attempts.get(key) ?? 0;
    this.attempts.set(key, attempt + 1);
    const { firstMs, maxMs, growth } = this.policy;
    return Math.min(maxMs, Math.round(firstMs * growth ** attempt));
  }

  settled(key: string): void {
    this.attempts.delete(key);
  }
}
