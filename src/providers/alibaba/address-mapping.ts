/** Alibaba `EipAddress` objects (DescribeEipAddresses) to the provider-neutral view. */
import { type AddressState, type CloudAddress, isoTimeOf } from '../provider.js';

const STATES: Record<string, AddressState> = {
  Available: 'Available',
  Associating: 'Binding',
  InUse: 'Bound',
  Unassociating: 'Unbinding',
  Releasing: 'Releasing',
};

export interface AlibabaEipAddress {
  allocationId?: string;
  ipAddress?: string;
  status?: string;
  instanceType?: string;
  instanceId?: string;
  privateIpAddress?: string;
  bandwidthPackageId?: string;
  allocationTime?: string;
  tags?: { tag?: { key?: string; value?: string }[] };
}

/** An ENI binding without a private IP is to the ENI's primary IP, which the reply does not name. */
export function isBoundToPrimaryIp(eip: AlibabaEipAddress): boolean {
  return eip.instanceType === 'NetworkInterface' && Boolean(eip.instanceId) && !eip.privateIpAddress;
}

/** `primaryIpOf` names an ENI's primary IP, for bindings to it; unknown ENIs stay "bound to other". */
export function toCloudAddress(eip: AlibabaEipAddress, primaryIpOf: (networkInterfaceId: string) => string | undefined = () => undefined): CloudAddress {
  const rawStatus = textOf(eip.status);
  const address: CloudAddress = {
    id: textOf(eip.allocationId),
    publicIp: textOf(eip.ipAddress),
    state: Object.hasOwn(STATES, rawStatus) ? STATES[rawStatus]! : 'Unknown',
    rawStatus,
    tags: Object.fromEntries(listOf(eip.tags?.tag).map((tag) => [textOf(tag?.key), textOf(tag?.value)])),
  };
  const bandwidthPackageId = textOf(eip.bandwidthPackageId);
  if (bandwidthPackageId) address.bandwidthPackageId = bandwidthPackageId;
  const createdAt = isoTimeOf(eip.allocationTime);
  if (createdAt) address.createdAt = createdAt;
  const instanceId = textOf(eip.instanceId);
  const privateIp = isBoundToPrimaryIp(eip) ? primaryIpOf(instanceId) : textOf(eip.privateIpAddress);
  if (eip.instanceType === 'NetworkInterface' && instanceId && privateIp) {
    address.target = { networkInterfaceId: instanceId, privateIp };
  } else if (instanceId) {
    address.boundToOther = instanceId;
  }
  return address;
}

/** A reply field that should be a list; anything else (a malformed reply) reads as empty. */
function listOf<T>(field: T[] | null | undefined): T[] {
  return Array.isArray(field) ? field : [];
}

/** A reply field that should be text; anything else (a malformed reply) reads as ''. */
function textOf(field: unknown): string {
  return typeof field === 'string' ? field : '';
}
