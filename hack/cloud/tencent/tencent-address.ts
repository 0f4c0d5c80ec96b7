/** An EIP record and its two views: the API's `Address` model and the admin API's common shape. */
import type { AdminAddress } from '../common/index.js';

/** `AddressStatus` values (tencentcloud-sdk-nodejs vpc_models.ts `Address`). */
export type TencentAddressStatus = 'CREATING' | 'BINDING' | 'BIND' | 'BIND_ENI' | 'UNBINDING' | 'UNBIND' | 'OFFLINING';

/** States in which a task on the address is still running. */
export const TRANSITIONAL_STATUSES: ReadonlySet<TencentAddressStatus> = new Set([
  'CREATING',
  'BINDING',
  'UNBINDING',
  'OFFLINING',
]);

export interface TencentTag {
  Key: string;
  Value?: string;
}

export interface TencentAddress {
  addressId: string;
  publicIp: string;
  status: TencentAddressStatus;
  name: string;
  isp: string;
  internetChargeType: string;
  bandwidth: number;
  addressType: string;
  createdTime: string;
  tags: TencentTag[];
  networkInterfaceId?: string;
  privateIp?: string;
  instanceId?: string;
  /** `CVM` when the target ENI is attached to an instance, `ENI` otherwise. */
  instanceType?: string;
}

/** `AddressName` is null for an address never named (reference platforms-pools-and-error-tables.md "Long-tail error codes"). */
export function toAddressModel(address: TencentAddress, billing = { isArrears: false, isBlocked: false }): Record<string, unknown> {
  return {
    AddressId: address.addressId,
    AddressName: address.name === '' ? null : address.name,
    AddressStatus: address.status,
    AddressIp: address.publicIp,
    InstanceId: address.instanceId ?? null,
    CreatedTime: address.createdTime,
    NetworkInterfaceId: address.networkInterfaceId ?? null,
    PrivateAddressIp: address.privateIp ?? null,
    IsArrears: billing.isArrears,
    IsBlocked: billing.isBlocked,
    IsEipDirectConnection: false,
    AddressType: address.addressType,
    CascadeRelease: false,
    EipAlgType: { Ftp: false, Sip: false },
    InternetServiceProvider: address.isp,
    LocalBgp: false,
    Bandwidth: address.bandwidth,
    InternetChargeType: address.internetChargeType,
    TagSet: address.tags.map((tag) => ({ Key: tag.Key, Value: tag.Value ?? '' })),
    DeadlineDate: null,
    InstanceType: address.instanceType ?? null,
    Egress: 'center_egress1',
    AntiDDoSPackageId: '',
    RenewFlag: '',
    BandwidthPackageId: null,
    UnVpcId: '',
    DedicatedClusterId: '',
  };
}

export function toAdminAddress(address: TencentAddress): AdminAddress {
  return {
    addressId: address.addressId,
    publicIp: address.publicIp,
    status: address.status,
    ...(address.networkInterfaceId !== undefined && { networkInterfaceId: address.networkInterfaceId }),
    ...(address.privateIp !== undefined && { privateIp: address.privateIp }),
    ...(address.instanceId !== undefined && { instanceId: address.instanceId }),
    tags: Object.fromEntries(address.tags.map((tag) => [tag.Key, tag.Value ?? ''])),
    name: address.name,
    bandwidthMbps: address.bandwidth,
    internetChargeType: address.internetChargeType,
    isp: address.isp,
    createdAt: address.createdTime,
  };
}
