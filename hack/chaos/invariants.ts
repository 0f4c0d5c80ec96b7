/**
 * The invariants a chaos run ends with, from the emulator's own truth (its addresses) and the API
 * server (claims and pods). Each lists what breaks it, so a non-zero count says which claim or address.
 */
import type { V1Pod } from '@kubernetes/client-node';
import type { AdminAddress } from '../cloud/common/index.js';
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { CLUSTER_TAG } from '../../src/lifecycle/address-book.js';

export interface Invariants {
  /** Addresses tagged with the cluster that no claim names (ids). */
  leakedAddresses: string[];
  /** Addresses two or more claims name (ids). */
  addressesNamedByTwoClaims: string[];
  /** Static addresses the emulator no longer has (ids). */
  staticAddressesReleased: string[];
  /** "namespace/name: why" for a Running pod's claim not Bound to it, or a claim kept for a gone pod it should end with. */
  claimsNotConverged: string[];
}

export interface ClusterTruth {
  clusterId: string;
  addresses: AdminAddress[];
  staticAddressIds: string[];
  claims: EIPClaim[];
  /** The pods that ask for an address. */
  pods: V1Pod[];
}

export function invariantsOf(truth: ClusterTruth): Invariants {
  const named = new Map<string, number>();
  for (const claim of truth.claims) {
    const id = claim.status?.addressId;
    if (id) named.set(id, (named.get(id) ?? 0) + 1);
  }
  const existing = new Set(truth.addresses.map((address) => address.addressId));
  return {
    leakedAddresses: truth.addresses.filter((address) => address.tags[CLUSTER_TAG] === truth.clusterId && !named.has(address.addressId)).map((address) => address.addressId),
    addressesNamedByTwoClaims: [...named].filter(([, claims]) => claims > 1).map(([id]) => id),
    staticAddressesReleased: truth.staticAddressIds.filter((id) => !existing.has(id)),
    claimsNotConverged: claimsNotConverged(truth),
  };
}

export function invariantCounts(invariants: Invariants): Record<keyof Invariants, number> {
  return {
    leakedAddresses: invariants.leakedAddresses.length,
    addressesNamedByTwoClaims: invariants.addressesNamedByTwoClaims.length,
    staticAddressesReleased: invariants.staticAddressesReleased.length,
    claimsNotConverged: invariants.claimsNotConverged.length,
  };
}

export function allHold(invariants: Invariants): boolean {
  return Object.values(invariantCounts(invariants)).every((count) => count === 0);
}

function claimsNotConverged(truth: ClusterTruth): string[] {
  const claims = new Map(truth.claims.map((claim) => [keyOf(claim.metadata), claim]));
  const pods = new Map(truth.pods.map((pod) => [keyOf(pod.metadata!), pod]));
  const addresses = new Map(truth.addresses.map((address) => [address.addressId, address]));
  const runningPods = truth.pods.filter((pod) => pod.status?.phase === 'Running' && !pod.metadata?.deletionTimestamp);
  const unbound = runningPods.flatMap((pod) => {
    const why = whyNotBound(claims.get(keyOf(pod.metadata!)), pod, addresses);
    return why ? [`${keyOf(pod.metadata!)}: ${why}`] : [];
  });
  const kept = truth.claims
    .filter((claim) => claim.spec?.deletePolicy !== 'Never' && !pods.has(keyOf(claim.metadata)))
    .map((claim) => `${keyOf(claim.metadata)}: kept after its pod is gone (policy ${claim.spec?.deletePolicy ?? 'none'}, phase ${claim.status?.phase ?? 'none'})`);
  return [...unbound, ...kept].sort();
}

function whyNotBound(claim: EIPClaim | undefined, pod: V1Pod, addresses: Map<string, AdminAddress>): string | undefined {
  if (!claim) return 'Running pod without a claim';
  if (claim.status?.phase !== 'Bound') return `claim ${claim.status?.phase ?? 'without a phase'} while its pod is Running`;
  const address = addresses.get(claim.status.addressId ?? '');
  if (!address) return `claim Bound to ${claim.status.addressId ?? 'no address'}, which the cloud does not have`;
  if (address.privateIp !== pod.status?.podIP) return `claim Bound, but the cloud binds ${address.addressId} to ${address.privateIp ?? 'nothing'}, not the pod's ${pod.status?.podIP}`;
  return undefined;
}

function keyOf(metadata: { namespace?: string; name?: string }): string {
  return `${metadata.namespace}/${metadata.name}`;
}
