/**
 * The Ready reason a claim shows while the cloud keeps failing one of its steps, by how the failure
 * is classified: a refusal a person must act on, or a busy or unavailable cloud that podeip waits out.
 */
import type { CloudErrorKind } from '../providers/cloud-error.js';

const REFUSAL_REASONS: Partial<Record<CloudErrorKind, string>> = {
  quota: 'QuotaExceeded',
  arrears: 'AccountInArrears',
  blocked: 'AddressBlocked',
};

/** Only these are shown while retrying: a missing ENI or address has its own reasons, and throttling is waited out by the provider. */
const RETRY_REASONS: Partial<Record<CloudErrorKind, string>> = {
  conflict: 'CloudBusy',
  transient: 'CloudUnavailable',
};

export function refusalReasonOf(kind: CloudErrorKind): string {
  return REFUSAL_REASONS[kind] ?? 'CloudRequestRejected';
}

export function retryReasonOf(kind: CloudErrorKind): string | undefined {
  return RETRY_REASONS[kind];
}
