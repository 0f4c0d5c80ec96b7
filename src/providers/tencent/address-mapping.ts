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
  const rawStatus = textOf(address.AddressStatus);
  const result: CloudAddress = {
    id: textOf(address.AddressId),
    publicIp: textOf(address.AddressIp),
    state: Object.hasOwn(STATES, rawStatus) ? STATES[rawStatus]! : 'Unknown',
    rawStatus,
    tags: Object.fromEntries(listOf(address.TagSet).map((tag) => [textOf(tag?.Key), textOf(tag?.Value)])),
  };
  const createdAt = isoTimeOf(address.CreatedTime);
  if (createdAt) result.createdAt = createdAt;
  const networkInterfaceId = textOf(address.NetworkInterfaceId);
  const privateIp = textOf(address.PrivateAddressIp);
  const instanceId = textOf(address.InstanceId);
  if (networkInterfaceId && privateIp) {
    result.target = { networkInterfaceId, privateIp };
  } else if (instanceId) {
    result.boundToOther = instanceId;
  }
  return result;
}

/** A reply field that should be a list; anything else (a malformed reply) reads as empty. */
function listOf<T>(field: T[] | null | undefined): T[] {
  return Array.isArray(field) ? field : [];
}

/** A reply field that should be text; anything else (a malformed reply) reads as ''. */
function textOf(field: unknown): string {
  return typeof field === 'string' ? field : '';
}
