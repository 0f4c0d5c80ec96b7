import type { Clock } from './clock.js';

/** A token bucket: `capacity` calls at once, refilled at `refillPerSecond`. */
export interface RateLimit {
  capacity: number;
  refillPerSecond: number;
}

export const perSecond = (calls: number): RateLimit => ({ capacity: calls, refillPerSecond: calls });
export const perMinute = (calls: number): RateLimit => ({ capacity: calls, refillPerSecond: calls / 60 });

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Per-action token buckets; actions without a limit are never throttled. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private limits: Record<string, RateLimit>,
    private readonly clock: Clock,
  ) {}

  /** Takes one token for the action; false means the call is throttled. */
  tryAcquire(action: string): boolean {
    const limit = this.limits[action];
    if (!limit) return true;
    const bucket = this.refilled(action, limit);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  setLimits(limits: Record<string, RateLimit>): void {
    this.limits = limits;
    this.buckets.clear();
  }

  reset(): void {
    this.buckets.clear();
  }

  private refilled(action: string, limit: RateLimit): Bucket {
    const now = this.clock.now();
    const bucket = this.buckets.get(action) ?? { tokens: limit.capacity, updatedAt: now };
    const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(limit.capacity, bucket.tokens + elapsedSeconds * limit.refillPerSecond);
    bucket.updatedAt = now;
    this.buckets.set(action, bucket);
    return bucket;
  }
}
