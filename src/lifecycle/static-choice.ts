/** Which entry of a static address list a pod takes (SPEC §3.1 eip-id-list, R9). */
import type { StaticAddressRequest } from '../annotations/claim-request.js';
import { type EIPClaim, isRefused, keyOf } from '../k8s/eipclaim.js';

export type StaticChoice = { addressId: string } | { problem: string };

export function ordinalOf(podName: string): number | undefined {
  const match = /-(\d+)$/.exec(podName);
  return match ? Number(match[1]) : undefined;
}

/** The claim (other than `key`) that holds or names this static address, if any. */
export function holderOf(addressId: string, key: string, claims: EIPClaim[]): EIPClaim | undefined {
  return claims.find((claim) => keyOf(claim.metadata) !== key && (claim.status?.addressId === addressId || claim.spec?.addressId === addressId));
}

/**
 * The claim that keeps `claim` from taking this static address now: one that holds it, or an older
 * one (creation time, then key) that names it too. Two new claims naming one address must not each
 * wait for the other.
 */
export function blockerOf(addressId: string, claim: EIPClaim, claims: EIPClaim[]): EIPClaim | undefined {
  const key = keyOf(claim.metadata);
  return claims.find(
    (other) => keyOf(other.metadata) !== key && (other.status?.addressId === addressId || (other.spec?.addressId === addressId && !isRefused(other) && isOlder(other, claim))),
  );
}

function isOlder(claim: EIPClaim, than: EIPClaim): boolean {
  const byTime = (claim.metadata.creationTimestamp ?? '').localeCompare(than.metadata.creationTimestamp ?? '');
  return byTime !== 0 ? byTime < 0 : keyOf(claim.metadata) < keyOf(than.metadata);
}

/** Pods without an ordinal take the first entry no other claim holds. */
export function chooseStaticAddress(request: StaticAddressRequest, podName: string, key: string, claims: EIPClaim[]): StaticChoice {
  const ordinal = request.chooseByOrdinal ? ordinalOf(podName) : undefined;
  if (ordinal !== undefined) {
    const addressId = request.addressIds[ordinal];
    if (addressId === undefined) {
      return { problem: `pod ordinal ${ordinal} is past the end of the address list (${request.addressIds.length} entries)` };
    }
    return { addressId };
  }
  // When every entry is held, take the first anyway: the claim then waits on it with AddressConflict.
  const free = request.addressIds.find((addressId) => !holderOf(addressId, key, claims));
  return { addressId: free ?? request.addressIds[0]! };
}
