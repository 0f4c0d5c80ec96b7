/** The EIPPool resource (SPEC §10): a cluster-scoped set of addresses that pods take with `podeip.io/pool`. */
import type { AllocationParams } from '../providers/provider.js';
import type { Condition, ObjectMeta } from './eipclaim.js';
import type { LabelSelector } from './label-selector.js';

export const POOL_PLURAL = 'eippools';
export const POOL_KIND = 'EIPPool';
/** Held until the pool's owned addresses are released or untagged (reclaimPolicy). */
export const POOL_FINALIZER = 'podeip.io/pool';
/** Cloud tag key on every address of a pool, value = pool name, beside the cluster tag. */
export const POOL_TAG = 'podeip.io/pool';
/** The pod annotation that asks for an address of the named pool. */
export const POOL_ANNOTATION = 'podeip.io/pool';

export type ReclaimPolicy = 'Delete' | 'Retain';

export interface PoolAllocation {
  /** As an EIPClaim's spec.allocation; the provider's defaults fill what is left out. */
  parameters?: Partial<AllocationParams>;
  /** Owned spares kept allocated and unbound. */
  minAvailable?: number;
  /** Owned addresses in the pool, at most. */
  maxSize?: number;
  /** Go duration (>= 5m): owned spares above minAvailable idle this long are released. */
  releaseIdleAfter?: string;
}

export interface EIPPoolSpec {
  /** Static addresses the pool lends; never released by podeip. */
  addresses?: string[];
  allocation?: PoolAllocation;
  namespaceSelector: LabelSelector;
  podSelector?: LabelSelector;
  /** Absent = Delete (the CRD's default). */
  reclaimPolicy?: ReclaimPolicy;
}

export type PoolAddressState = 'Available' | 'Bound' | 'Allocating' | 'Releasing';
export const POOL_ADDRESS_STATES: PoolAddressState[] = ['Available', 'Bound', 'Allocating', 'Releasing'];

export interface PoolAddressStatus {
  addressId: string;
  publicIP?: string;
  ownership: 'Owned' | 'Static';
  state: PoolAddressState;
  /** `namespace/name` of the claim holding it. */
  claim?: string;
}

export interface EIPPoolStatus {
  /** How many owned addresses the pool has asked the cloud for, ever: the next allocation's ClientToken sequence. */
  allocations?: number;
  /** The last sequence whose allocation the cloud confirmed; below `allocations`, that token is retried. */
  allocated?: number;
  total?: number;
  available?: number;
  bound?: number;
  addresses?: PoolAddressStatus[];
  conditions?: Condition[];
  observedGeneration?: number;
}

export interface EIPPool {
  apiVersion: string;
  kind: string;
  metadata: Omit<ObjectMeta, 'namespace'> & { namespace?: string };
  spec: EIPPoolSpec;
  status?: EIPPoolStatus;
}
