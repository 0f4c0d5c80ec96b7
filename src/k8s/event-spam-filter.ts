/**
 * client-go's EventSourceObjectSpamFilter, per (object, type, reason) rather than per object so that a
 * noisy reason (AddressConflict every retry) cannot hide a different one: a bucket of 25 events that
 * refills one event every 5 minutes. Events over the limit are dropped; the Event already written
 * keeps its count. Buckets of the least recently seen keys are forgotten beyond 4096, as client-go's LRU.
 */
import type { Clock } from '../clock/clock.js';

export const SPAM_BURST = 25;
export const SPAM_REFILL_MS = 300_000;
const REMEMBERED_KEYS = 4096;

interface Bucket {
  tokens: number;
  refilledAtMs: number;
}

export class EventSpamFilter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: Clock) {}

  /** Whether one more event for this key may be written now (takes a token when it may). */
  allows(key: string): boolean {
    const nowMs = this.clock.now().getTime();
    const bucket = this.refilled(this.buckets.get(key) ?? { tokens: SPAM_BURST, refilledAtMs: nowMs }, nowMs);
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > REMEMBERED_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private refilled(bucket: Bucket, nowMs: number): Bucket {
    const earned = Math.floor((nowMs - bucket.refilledAtMs) / SPAM_REFILL_MS);
    if (earned <= 0) return bucket;
    return { tokens: Math.min(SPAM_BURST, bucket.tokens + earned), refilledAtMs: bucket.refilledAtMs + earned * SPAM_REFILL_MS };
  }
}
