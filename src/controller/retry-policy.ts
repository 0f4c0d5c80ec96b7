/**
 * Every wait podeip chooses between two tries, in one place: how the work queue backs off after an
 * error, how often a claim looks again while the cloud finishes an asynchronous step, how long it
 * waits on a busy or missing address, how long a refusal holds its key, and how long a pod IP may be
 * unknown to the cloud before anyone is told. (How often a throttled cloud call is retried before it
 * fails is the provider's: it follows the cloud's own rate limits.)
 */
import type { CloudErrorKind } from '../providers/cloud-error.js';

export interface RetryPolicy {
  /** After a reconcile fails: base·2^failures, capped (controller-runtime's per-item exponential limiter). */
  errorBackoff: { baseMs: number; maxMs: number };
  /** While the cloud finishes a step: the first wait, growing ×growth per try up to maxMs. */
  polls: { firstMs: number; maxMs: number; growth: number };
  /** A claim waiting on an address another claim holds, or one the cloud does not know, looks again this often. */
  conflictRetryMs: number;
  /**
   * After a refusal retrying alone will not fix, the key waits this long unless what it asks for changes:
   * a request the cloud will not take or the caller may not make (5 min); no quota left, which another
   * claim's release may free, and an account in arrears or an address locked, which a payment or the
   * cloud lifts (1 min). Throttled and transient failures get the error backoff instead.
   */
  refusalHoldsMs: Partial<Record<CloudErrorKind, number>>;
  /** A pod's IP can reach the cloud's ENI view a moment after the pod has it: nobody is told before this. */
  noInterfaceQuietMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  errorBackoff: { baseMs: 5, maxMs: 1_000_000 },
  polls: { firstMs: 500, maxMs: 10_000, growth: 1.5 },
  conflictRetryMs: 10_000,
  refusalHoldsMs: { 'invalid-request': 300_000, auth: 300_000, quota: 60_000, arrears: 60_000, blocked: 60_000 },
  noInterfaceQuietMs: 30_000,
};

/** The default policy with the waits `podeip run`'s options (and tests) may shorten. */
export function retryPolicyWith(overrides: { pollIntervalMs?: number | undefined; maxPollIntervalMs?: number | undefined; conflictRetryMs?: number | undefined }): RetryPolicy {
  const { polls, conflictRetryMs } = DEFAULT_RETRY_POLICY;
  return {
    ...DEFAULT_RETRY_POLICY,
    polls: { ...polls, firstMs: overrides.pollIntervalMs ?? polls.firstMs, maxMs: overrides.maxPollIntervalMs ?? polls.maxMs },
    conflictRetryMs: overrides.conflictRetryMs ?? conflictRetryMs,
  };
}
