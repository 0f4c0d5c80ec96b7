/** Tencent `Address` objects (DescribeAddresses) to the provider-neutral view. */
import { type AddressState, type CloudAddress, isoTimeOf } from '../provider.js';

const STATES: Record<string, AddressState> = {
  CREATING: 'Creating',
  UNBIND: 'Available',
  BINDING: 'Binding',
  BIND: 'Bound',
  BIND_ENI: 'Bound',
  UNBINDING: 'Unbinding',
  OFFLINING: 'Releasing',
};

export interface TencentAddress {
  AddressId?: string;
  AddressIp?: string;
  AddressStatus?: string;
  InstanceId?: string | null;
  NetworkInterfaceId?: string | null;
  PrivateAddressIp?: string | null;
  CreatedTime?: string | null;
  TagSet?: { Key?: string; Value?: string }[] | null;
}

export function toCloudAddress(address: TencentAddress): CloudAddress {
  const rawStatus = address.AddressStatus ?? '';
  const result: CloudAddress = {
    id: address.AddressId ?? '',
    publicIp: address.AddressIp ?? '',
    state: STATES[rawStatus] ?? 'Unknown',
    rawStatus,
    tags: Object.fromEntries((address.TagSet ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? ''])),
  };
  const createdAt = isoTimeOf(address.CreatedTime);
  if (createdAt) result.createdAt = createdAt;
  if (address.NetworkInterfaceId && address.PrivateAddressIp) {
    result.target = { networkInterfaceId: address.NetworkInterfaceId, privateIp: address.PrivateAddressIp };
  } else if (address.InstanceId) {
    result.boundToOther = address.InstanceId;
  }
  return result;
}
