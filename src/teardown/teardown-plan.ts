/**
 * What `podeip teardown` does for one cluster id, decided from the claims and the cloud's addresses
 * before anything is written: owned addresses (tagged for the cluster and for a claim or a pool) are
 * unbound and released; static addresses claims hold are unbound and kept; every claim loses
 * podeip's finalizer. An address a claim holds as Static is never released, whatever its tags say.
 */
import { type EIPClaim, FINALIZER, keyOf } from '../k8s/eipclaim.js';
import { POOL_TAG } from '../k8s/eippool.js';
import { CLAIM_UID_TAG, CLUSTER_TAG } from '../lifecycle/address-book.js';
import type { CloudAddress } from '../providers/provider.js';

export type TeardownAction = 'release' | 'unbind';

export interface AddressStep {
  action: TeardownAction;
  address: CloudAddress;
  /** `namespace/name` of the claim holding it, if one does. */
  claim?: string;
}

export interface TeardownPlan {
  addresses: AddressStep[];
  /** `namespace/name` of every claim that carries podeip's finalizer. */
  finalizers: string[];
}

/** `tagged`: every address carrying the cluster tag; `held`: the addresses claims name that the cloud knows. */
export function planTeardown(clusterId: string, claims: EIPClaim[], tagged: CloudAddress[], held: CloudAddress[]): TeardownPlan {
  const holders = new Map(claims.filter((claim) => claim.status?.addressId).map((claim) => [claim.status!.addressId!, claim]));
  const byId = new Map([...tagged, ...held].map((address) => [address.id, address]));
  const addresses: AddressStep[] = [];
  for (const address of byId.values()) {
    const holder = holders.get(address.id);
    const step = { address, ...(holder ? { claim: keyOf(holder.metadata) } : {}) };
    if (isOwned(address, clusterId, holder)) addresses.push({ action: 'release', ...step });
    else if (holder && address.target) addresses.push({ action: 'unbind', ...step });
  }
  const finalizers = claims.filter((claim) => claim.metadata.finalizers?.includes(FINALIZER)).map((claim) => keyOf(claim.metadata));
  return { addresses: addresses.sort((a, b) => a.address.id.localeCompare(b.address.id)), finalizers: finalizers.sort() };
}

function isOwned(address: CloudAddress, clusterId: string, holder: EIPClaim | undefined): boolean {
  if (holder?.status?.ownership === 'Static') return false;
  return address.tags[CLUSTER_TAG] === clusterId && (CLAIM_UID_TAG in address.tags || POOL_TAG in address.tags);
}
