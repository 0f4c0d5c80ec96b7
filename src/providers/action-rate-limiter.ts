/**
 * Client-side rate limit per cloud API action: a token bucket at the documented rate (holding one
 * second's worth of requests, or the documented window's count where the cloud states a per-minute
 * limit), which halves
 * (at most once a second, down to a quarter) while the cloud answers "throttled" and doubles back
 * after two quiet seconds.
 */
export interface RateLimits {
  /** Requests per second per action; actions not listed use `defaultPerSecond`. */
  perSecond: Record<string, number>;
  defaultPerSecond: number;
  /** Requests an idle action may send at once; actions not listed hold one second's worth. */
  burst?: Record<string, number>;
}

const RECOVERY_MS = 2_000;
/** A burst of throttled replies counts once per this window. */
const SLOWDOWN_WINDOW_MS = 1_000;
/** Never slower than this share of the documented rate. */
const FLOOR_SHARE = 0.25;

class TokenBucket {
  private tokens: number;
  private rate: number;
  private refilledAt = Date.now();
  private lastThrottleAt = 0;
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly nominalRate: number,
    private readonly nominalCapacity: number,
  ) {
    this.rate = nominalRate;
    this.tokens = nominalCapacity;
  }

  /** Resolves when one request may go out; callers are served in order. */
  take(timers: Set<NodeJS.Timeout>): Promise<void> {
    const turn = this.tail.then(() => this.waitForToken(timers));
    this.tail = turn;
    return turn;
  }

  slowDown(): void {
    const now = Date.now();
    if (now - this.lastThrottleAt < SLOWDOWN_WINDOW_MS) return;
    this.lastThrottleAt = now;
    this.rate = Math.max(this.nominalRate * FLOOR_SHARE, this.rate / 2);
    this.tokens = Math.min(this.tokens, 0);
  }

  private async waitForToken(timers: Set<NodeJS.Timeout>): Promise<void> {
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const waitMs = Math.ceil(((1 - this.tokens) / this.rate) * 1000);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, waitMs);
        timers.add(timer);
      });
    }
  }

  private refill(): void {
    const now = Date.now();
    if (this.rate < this.nominalRate && now - this.lastThrottleAt > RECOVERY_MS) {
      this.rate = Math.min(this.nominalRate, this.rate * 2);
      this.lastThrottleAt = now;
    }
    this.tokens = Math.min(this.capacity(), this.tokens + ((now - this.refilledAt) / 1000) * this.rate);
    this.refilledAt = now;
  }

  /** A slowed-down action also gets a proportionally smaller burst. */
  private capacity(): number {
    return Math.max(1, this.nominalCapacity * (this.rate / this.nominalRate));
  }
}

export class ActionRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly limits: RateLimits) {}

  acquire(action: string): Promise<void> {
    return this.bucket(action).take(this.timers);
  }

  throttled(action: string): void {
    this.bucket(action).slowDown();
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private bucket(action: string): TokenBucket {
    let bucket = this.buckets.get(action);
    if (!bucket) {
      const rate = this.limits.perSecond[action] ?? this.limits.defaultPerSecond;
      bucket = new TokenBucket(rate, this.limits.burst?.[action] ?? rate);
      this.buckets.set(action, bucket);
    }
    return bucket;
  }
}
