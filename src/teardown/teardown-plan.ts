/**
 * What `podeip teardown` does for one cluster id, decided from the claims and the cloud's addresses
 * before anything is written: owned addresses (tagged for the cluster and for a claim or a pool) are
 * unbound and released; static addresses claims hold are unbound and kept; every claim and every
 * EIPPool loses podeip's finalizer (with the controller stopped, nothing else would remove them, and
 * deleting the CRDs would hang). An address a claim holds as Static is never released, whatever its tags say.
 */
import { type EIPClaim, FINALIZER, keyOf } from '../k8s/eipclaim.js';
import { type EIPPool, POOL_FINALIZER, POOL_TAG } from '../k8s/eippool.js';
import { CLAIM_UID_TAG, CLUSTER_TAG, NAMESPACE_TAG } from '../lifecycle/address-book.js';
import type { CloudAddress } from '../providers/provider.js';

export type TeardownAction = 'release' | 'unbind';

export interface AddressStep {
  action: TeardownAction;
  address: CloudAddress;
  /** `namespace/name` of the claim holding it, if one does. */
  claim?: string;
  /** The EIPPool it belongs to (owned by the pool), if any. */
  pool?: string;
}

export interface TeardownPlan {
  addresses: AddressStep[];
  /** `namespace/name` of every claim that carries podeip's finalizer. */
  finalizers: string[];
  /** Every EIPPool that carries podeip's pool finalizer. */
  poolFinalizers: string[];
}

export interface TeardownInputs {
  claims: EIPClaim[];
  pools: EIPPool[];
  /** Every address carrying the cluster tag. */
  tagged: CloudAddress[];
  /** The addresses claims name that the cloud knows. */
  held: CloudAddress[];
  /** `--namespace`: only that namespace's claims and the addresses tagged for it; pools are cluster-wide, so left alone. */
  namespace?: string;
}

export function planTeardown(clusterId: string, { claims, pools, tagged, held, namespace }: TeardownInputs): TeardownPlan {
  const holders = new Map(claims.filter((claim) => claim.status?.addressId).map((claim) => [claim.status!.addressId!, claim]));
  const inScope = (address: CloudAddress) => namespace === undefined || holders.has(address.id) || address.tags[NAMESPACE_TAG] === namespace;
  const byId = new Map([...tagged, ...held].filter(inScope).map((address) => [address.id, address]));
  const addresses: AddressStep[] = [];
  for (const address of byId.values()) {
    const holder = holders.get(address.id);
    const step = { address, ...(holder ? { claim: keyOf(holder.metadata) } : {}) };
    const pool = address.tags[POOL_TAG];
    if (isOwned(address, clusterId, holder)) addresses.push({ action: 'release', ...step, ...(pool ? { pool } : {}) });
    else if (holder && address.target) addresses.push({ action: 'unbind', ...step });
  }
  const finalizers = claims.filter((claim) => claim.metadata.finalizers?.includes(FINALIZER)).map((claim) => keyOf(claim.metadata));
  const poolFinalizers = (namespace === undefined ? pools : []).filter((pool) => pool.metadata.finalizers?.includes(POOL_FINALIZER)).map((pool) => pool.metadata.name);
  return { addresses: addresses.sort((a, b) => a.address.id.localeCompare(b.address.id)), finalizers: finalizers.sort(), poolFinalizers: poolFinalizers.sort() };
}

function isOwned(address: CloudAddress, clusterId: string, holder: EIPClaim | undefined): boolean {
  if (holder?.status?.ownership === 'Static') return false;
  return address.tags[CLUSTER_TAG] === clusterId && (CLAIM_UID_TAG in address.tags || POOL_TAG in address.tags);
}
