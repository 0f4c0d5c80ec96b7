/**
 * What the PodEIP of an Alibaba claim says (SPEC §11): the spec from the claim's address and release
 * strategy, the status from the claim and the cloud's view of its address. The public and private
 * addresses are given only while the claim is Bound, so a reader never pairs the address with a
 * private IP the pod no longer has (a Retained claim, or one moving to a re-created pod's new IP).
 */
import type { EIPClaim } from '../k8s/eipclaim.js';
import type { CloudAddress } from '../providers/provider.js';
import type { PodEIPAllocationType, PodEIPSpec, PodEIPStatus } from './podeip-resource.js';

/** The AllocateEipAddress parameters a PodEIP shows (the Alibaba dialect writes them by their API names). */
interface ShownParameters {
  CommonBandwidthPackageId?: string;
  PublicIpAddressPoolId?: string;
  ResourceGroupId?: string;
  Name?: string;
}

export interface PodEIPContent {
  spec: PodEIPSpec;
  status: PodEIPStatus;
}

/** The pod of the claim's name as the cache has it now. */
export interface CurrentPod {
  uid: string;
  podIP?: string | undefined;
}

/** The PodEIP an Alibaba claim that holds an address should have; undefined when it should have none. */
export function podEipContentOf(claim: EIPClaim, address: CloudAddress | undefined, pod: CurrentPod | undefined): PodEIPContent | undefined {
  const addressId = claim.status?.addressId;
  if (claim.spec.provider !== 'alibaba' || !addressId || claim.metadata.deletionTimestamp) return undefined;
  const bandwidthPackageID = address?.bandwidthPackageId ?? parametersOf(claim).CommonBandwidthPackageId;
  const spec: PodEIPSpec = { allocationID: addressId, allocationType: allocationTypeOf(claim) };
  if (bandwidthPackageID) spec.bandwidthPackageID = bandwidthPackageID;
  return { spec, status: withoutEmpty({ ...bindingStatusOf(claim, address, pod), ...allocationStatusOf(claim), bandwidthPackageID }) };
}

function allocationTypeOf(claim: EIPClaim): PodEIPAllocationType {
  const type = claim.status?.ownership === 'Owned' ? 'Auto' : 'Static';
  if (claim.spec.deletePolicy === 'Delete') return { type, releaseStrategy: 'Follow' };
  if (claim.spec.expireAfter) return { type, releaseStrategy: 'TTL', releaseAfter: claim.spec.expireAfter };
  return { type, releaseStrategy: 'Never' };
}

/** Bound to the pod that is there now, at the IP it has now: a re-created pod is not shown its predecessor's binding. */
function servesCurrentPod(claim: EIPClaim, pod: CurrentPod | undefined): boolean {
  const status = claim.status ?? {};
  return status.phase === 'Bound' && pod !== undefined && pod.uid === status.podUID && pod.podIP === status.privateIP;
}

function bindingStatusOf(claim: EIPClaim, address: CloudAddress | undefined, pod: CurrentPod | undefined): PodEIPStatus {
  const status = claim.status ?? {};
  const podLastSeen = status.podGoneAt ?? status.boundAt;
  const seen = podLastSeen ? { podLastSeen } : {};
  if (!servesCurrentPod(claim, pod)) return { ...seen, status: address?.rawStatus };
  return {
    ...seen,
    eipAddress: status.publicIP,
    privateIPAddress: status.privateIP,
    networkInterfaceID: status.networkInterfaceId,
    status: address?.rawStatus,
  };
}

function allocationStatusOf(claim: EIPClaim): PodEIPStatus {
  const allocation = claim.spec.allocation;
  if (!allocation) return {};
  const parameters = parametersOf(claim);
  return {
    isp: allocation.isp,
    internetChargeType: allocation.chargeType,
    resourceGroupID: parameters.ResourceGroupId,
    name: parameters.Name,
    publicIpAddressPoolID: parameters.PublicIpAddressPoolId,
  };
}

function parametersOf(claim: EIPClaim): ShownParameters {
  return (claim.spec.allocation?.parameters ?? {}) as ShownParameters;
}

function withoutEmpty(status: PodEIPStatus): PodEIPStatus {
  return Object.fromEntries(Object.entries(status).filter(([, value]) => value !== undefined && value !== '')) as PodEIPStatus;
}
