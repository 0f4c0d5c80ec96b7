/** What SPEC §11 wants in NonMasqueradeSrcCIDRs: one host entry per Bound claim's pod IP, read from the claim cache. */
import type { EIPClaim } from '../k8s/eipclaim.js';
import { hostCidrOf } from './non-masquerade-src-cidrs.js';

export interface BoundPodEntry {
  cidr: string;
  namespace: string;
  /** The pod's name (= the claim's). */
  name: string;
  podUID: string;
}

export function boundPodEntries(claims: EIPClaim[]): BoundPodEntry[] {
  return claims
    .filter((claim) => claim.status?.phase === 'Bound' && claim.status.privateIP && claim.status.podUID)
    .map((claim) => ({ cidr: hostCidrOf(claim.status!.privateIP!), namespace: claim.metadata.namespace, name: claim.metadata.name, podUID: claim.status!.podUID! }));
}

/**
 * The entries' CIDRs and the pods they are for, sorted: a pass is due when either changes, since a CIDR
 * that passed to another pod (an IP reused, a pod re-created with its IP) wants no ConfigMap write but
 * that pod's egress condition.
 */
export function fingerprintOf(entries: BoundPodEntry[]): string {
  return [...new Set(entries.map((entry) => `${entry.cidr}=${entry.namespace}/${entry.name}/${entry.podUID}`))].sort().join(',');
}
