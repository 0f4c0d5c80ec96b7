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
  const rawStatus = eip.status ?? '';
  const address: CloudAddress = {
    id: eip.allocationId ?? '',
    publicIp: eip.ipAddress ?? '',
    state: STATES[rawStatus] ?? 'Unknown',
    rawStatus,
    tags: Object.fromEntries((eip.tags?.tag ?? []).map((tag) => [tag.key ?? '', tag.value ?? ''])),
  };
  if (eip.bandwidthPackageId) address.bandwidthPackageId = eip.bandwidthPackageId;
  const createdAt = isoTimeOf(eip.allocationTime);
  if (createdAt) address.createdAt = createdAt;
  const privateIp = isBoundToPrimaryIp(eip) ? primaryIpOf(eip.instanceId!) : eip.privateIpAddress;
  if (eip.instanceType === 'NetworkInterface' && eip.instanceId && privateIp) {
    address.target = { networkInterfaceId: eip.instanceId, privateIp };
  } else if (eip.instanceId) {
    address.boundToOther = eip.instanceId;
  }
  return address;
}
