/**
 * The EIPClaim an adopted binding becomes: the spec the controller derives from the pod's annotations,
 * and the status it writes once the address is bound to the pod (phase Bound, target, conditions),
 * so that its first pass finds nothing to do in the cloud. Owned addresses carry the tags podeip
 * allocates with, so that they are recognised as this claim's.
 */
import { type EIPClaim, type EIPClaimSpec, type EIPClaimStatus, FINALIZER, GROUP, KIND, VERSION } from '../k8s/eipclaim.js';
import { CLAIM_UID_TAG, CLUSTER_TAG, NAME_TAG, NAMESPACE_TAG } from '../lifecycle/address-book.js';
import { mergeConditions } from '../lifecycle/conditions.js';
import type { ProviderName } from '../providers/provider.js';
import type { ActionableRow } from './adoption-plan.js';

export type NewClaim = Omit<EIPClaim, 'metadata'> & { metadata: Partial<EIPClaim['metadata']> };

/**
 * On a claim `podeip adopt` created (so that a rerun finishes a claim a stopped run left unrecorded)
 * and on a PodEIP it took over from ack-extend: the source it came from.
 */
export const ADOPTED_FROM_ANNOTATION = 'podeip.io/adopted-from';

export function adoptedClaim(row: ActionableRow, provider: ProviderName, source: string): NewClaim {
  const { request } = row;
  const spec: EIPClaimSpec = { provider, deletePolicy: request.deletePolicy };
  if (request.expireAfter) spec.expireAfter = request.expireAfter;
  if (request.kind === 'owned') spec.allocation = request.allocation;
  else spec.addressId = row.addressId;
  return {
    apiVersion: `${GROUP}/${VERSION}`,
    kind: KIND,
    metadata: { name: row.name, namespace: row.namespace, finalizers: [FINALIZER], annotations: { [ADOPTED_FROM_ANNOTATION]: source } },
    spec,
  };
}

export function boundStatus(row: ActionableRow, generation: number | undefined, now: Date): EIPClaimStatus {
  const { address, pod } = row;
  const target = address.target!;
  const conditions = mergeConditions(
    undefined,
    [
      { type: 'Allocated', status: 'True', reason: row.ownership === 'Static' ? 'StaticAddress' : 'AddressAllocated', message: `address ${address.id}` },
      { type: 'Bound', status: 'True', reason: 'AddressBound', message: `bound to ${target.networkInterfaceId}/${target.privateIp}` },
      { type: 'Ready', status: 'True', reason: 'AddressBound', message: `public IP ${address.publicIp}` },
    ],
    now,
    generation,
  );
  return {
    phase: 'Bound',
    addressId: address.id,
    ownership: row.ownership,
    publicIP: address.publicIp,
    podUID: pod.uid,
    privateIP: target.privateIp,
    networkInterfaceId: target.networkInterfaceId,
    boundAt: now.toISOString(),
    ...(generation !== undefined ? { observedGeneration: generation } : {}),
    conditions,
  };
}

export function ownedAddressTags(claim: EIPClaim, clusterId: string): Record<string, string> {
  return {
    [CLUSTER_TAG]: clusterId,
    [CLAIM_UID_TAG]: claim.metadata.uid,
    [NAMESPACE_TAG]: claim.metadata.namespace,
    [NAME_TAG]: claim.metadata.name,
  };
}
