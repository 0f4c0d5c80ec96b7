/**
 * What a pod asks for, independent of the cloud whose annotations expressed it.
 * Each provider has a dialect (src/annotations/<provider>.ts) that turns pod annotations into this.
 */
import type { OwnerReference } from '../k8s/eipclaim.js';
import type { AllocationParams, ProviderName } from '../providers/provider.js';

export type DeletePolicy = 'Delete' | 'Never';

interface RequestCommon {
  deletePolicy: DeletePolicy;
  /** Keep a retained claim this long after its pod is gone (Go duration, e.g. `10m`). */
  expireAfter?: string;
}

export interface OwnedAddressRequest extends RequestCommon {
  kind: 'owned';
  allocation: AllocationParams;
}

export interface StaticAddressRequest extends RequestCommon {
  kind: 'static';
  addressIds: string[];
  /** true: a pod named `<x>-<n>` takes entry n; false: the first entry no other claim holds. */
  chooseByOrdinal: boolean;
}

/** SPEC §10: an address of the named EIPPool. */
export interface PoolAddressRequest extends RequestCommon {
  kind: 'pool';
  pool: string;
}

export interface InvalidRequest {
  kind: 'invalid';
  /** The full annotation key at fault. */
  annotation: string;
  problem: string;
}

export interface NoRequest {
  kind: 'none';
}

export type ClaimRequest = OwnedAddressRequest | StaticAddressRequest | PoolAddressRequest | InvalidRequest | NoRequest;

/** What a pod asks for when it asks for something podeip can act on. */
export type ValidRequest = OwnedAddressRequest | StaticAddressRequest | PoolAddressRequest;

export interface PodAnnotationsView {
  name: string;
  annotations: Record<string, string>;
  /** The controlling owner decides whether the pod's name ends in an ordinal (StatefulSet-like kinds only). */
  ownerReferences: readonly OwnerReference[];
}

export interface AnnotationDialect {
  readonly provider: ProviderName;
  parse(pod: PodAnnotationsView): ClaimRequest;
  /**
   * Only the annotations this dialect reads (its input keys, look-alike typos, podeip.io/ inputs), so a
   * change by another controller to an unrelated annotation is not mistaken for a changed request.
   */
  inputsOf(pod: PodAnnotationsView): Record<string, string>;
  /** The provider-family output annotations (podeip.io/ outputs are added by the reconciler). */
  outputAnnotations(publicIp: string, addressId: string): Record<string, string>;
  /** What an allocation asks for when nothing says otherwise (an EIPPool's spares fill it in). */
  readonly defaultAllocation: AllocationParams;
  /** Pod condition types to set besides podeip.io/eip-bound. */
  readonly extraConditionTypes: string[];
}

export const RESERVED_TAG_PREFIX = 'podeip.io/';

export function invalid(annotation: string, problem: string): InvalidRequest {
  return { kind: 'invalid', annotation, problem };
}
