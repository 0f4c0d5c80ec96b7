/** R6 arithmetic: which expiry applies to a retained claim, when it falls due, and how long to sleep until then. */
import type { EIPClaimSpec } from '../k8s/eipclaim.js';
import { parseGoDuration } from '../util/duration.js';

/** Longest single sleep before a retained claim looks at its expiry again. */
export const MAX_EXPIRY_SLEEP_MS = 3_600_000;

/** The claim's own expireAfter wins; else --claim-expired-duration for policy Never; else none. */
export function expiryOf(spec: Pick<EIPClaimSpec, 'deletePolicy' | 'expireAfter'>, claimExpiredMs: number | undefined): number | undefined {
  if (spec.expireAfter) return parseGoDuration(spec.expireAfter);
  return spec.deletePolicy === 'Never' ? claimExpiredMs : undefined;
}

export function expiresAtFor(podGoneAt: string, expiryMs: number | undefined): string | null {
  return expiryMs === undefined ? null : new Date(Date.parse(podGoneAt) + expiryMs).toISOString();
}

export type ExpiryCheck = { due: true } | { due: false; sleepMs?: number };

export function checkExpiry(expiresAt: string | undefined, now: Date): ExpiryCheck {
  if (!expiresAt) return { due: false };
  const remainingMs = Date.parse(expiresAt) - now.getTime();
  return remainingMs <= 0 ? { due: true } : { due: false, sleepMs: Math.min(remainingMs, MAX_EXPIRY_SLEEP_MS) };
}
