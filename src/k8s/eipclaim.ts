/** The EIPClaim resource (SPEC §4) as podeip reads and writes it. */
import type { AllocationParams, ProviderName } from '../providers/provider.js';
import type { DeletePolicy } from '../annotations/claim-request.js';

export const GROUP = 'podeip.io';
export const VERSION = 'v1alpha1';
export const PLURAL = 'eipclaims';
export const KIND = 'EIPClaim';
export const FINALIZER = 'podeip.io/release';

export type ClaimPhase = 'Pending' | 'Allocated' | 'Bound' | 'Retained' | 'Releasing';
export const CLAIM_PHASES: ClaimPhase[] = ['Pending', 'Allocated', 'Bound', 'Retained', 'Releasing'];

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  finalizers?: string[];
  ownerReferences?: OwnerReference[];
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime: string;
  observedGeneration?: number;
}

export interface EIPClaimSpec {
  provider: ProviderName;
  deletePolicy: DeletePolicy;
  expireAfter?: string;
  /** Static address; absent with no allocation = a static request that has no address to take yet. */
  addressId?: string;
  allocation?: AllocationParams;
  /** SPEC §10: the EIPPool whose addresses the claim takes. */
  pool?: string;
}

export interface EIPClaimStatus {
  phase?: ClaimPhase;
  addressId?: string;
  publicIP?: string;
  ownership?: 'Owned' | 'Static';
  /** The EIPPool the held address came from (recorded with it): it goes back there when the claim lets it go. */
  pool?: string;
  podUID?: string;
  privateIP?: string;
  networkInterfaceId?: string;
  boundAt?: string;
  podGoneAt?: string;
  expiresAt?: string;
  /** How many owned addresses were lost out of band and replaced; part of the next ClientToken. */
  replacements?: number;
  observedGeneration?: number;
  conditions?: Condition[];
}

export interface EIPClaim {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec: EIPClaimSpec;
  status?: EIPClaimStatus;
}

export function isOwned(spec: EIPClaimSpec): boolean {
  return spec.allocation !== undefined;
}

/** A claim showing bad input (SPEC §3.4) asks for nothing yet: what its spec names is not held, and it waits on no pool. */
export function isRefused(claim: EIPClaim): boolean {
  return !claim.status?.addressId && claim.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.reason === 'InvalidRequest') === true;
}

export function keyOf(meta: { namespace?: string; name?: string }): string {
  return `${meta.namespace ?? ''}/${meta.name ?? ''}`;
}

/** `namespace/name`, or a cluster-scoped object's bare name (namespace ''). */
export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash === -1 ? { namespace: '', name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
