/** Alibaba `EipAddress` objects (DescribeEipAddresses) to the provider-neutral view. */
import type { AddressState, CloudAddress } from '../provider.js';

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
  tags?: { tag?: { key?: string; value?: string }[] };
}

export function toCloudAddress(eip: AlibabaEipAddress): CloudAddress {
  const rawStatus = eip.status ?? '';
  const address: CloudAddress = {
    id: eip.allocationId ?? '',
    publicIp: eip.ipAddress ?? '',
    state: STATES[rawStatus] ?? 'Unknown',
    rawStatus,
    tags: Object.fromEntries((eip.tags?.tag ?? []).map((tag) => [tag.key ?? '', tag.value ?? ''])),
  };
  // An ENI binding without a private IP is to the ENI's primary IP, which the reply does not name.
  if (eip.instanceType === 'NetworkInterface' && eip.instanceId && eip.privateIpAddress) {
    address.target = { networkInterfaceId: eip.instanceId, privateIp: eip.privateIpAddress };
  } else if (eip.instanceId) {
    address.boundToOther = eip.instanceId;
  }
  return address;
}
