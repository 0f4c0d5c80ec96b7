/** One Alibaba Cloud EIP as the emulator keeps it, and its DescribeEipAddresses JSON form. */
import type { Tag } from './rpc-parameters.js';

export type EipStatus = 'Available' | 'Associating' | 'InUse' | 'Unassociating' | 'Releasing';
export const EIP_STATUSES: readonly EipStatus[] = ['Available', 'Associating', 'InUse', 'Unassociating', 'Releasing'];

/** The account's default resource group, where EIPs go unless ResourceGroupId says otherwise. */
export const DEFAULT_RESOURCE_GROUP_ID = 'rg-acfmdefault0000000';
/** Tags one EIP may carry (AllocateEipAddress `Tag.N`, TagResources). */
export const MAX_TAGS_PER_EIP = 20;

/** While an EIP is in one of these states it "can only be queried" (AssociateEipAddress docs). */
export const BUSY_STATUSES: readonly EipStatus[] = ['Associating', 'Unassociating', 'Releasing'];

export interface EipBinding {
  instanceType: string;
  instanceId: string;
  /** Empty when the EIP is bound to a whole instance rather than to one private IP. */
  privateIpAddress: string;
  /** Bound to the ENI's primary IP, which DescribeEipAddresses does not name (Terway v1.6.4, ENI-exclusive mode). */
  onPrimaryIp?: boolean;
}

export interface EipRecord {
  allocationId: string;
  ipAddress: string;
  status: EipStatus;
  regionId: string;
  bandwidth: number;
  internetChargeType: string;
  instanceChargeType: string;
  isp: string;
  name: string;
  description: string;
  resourceGroupId: string;
  publicIpAddressPoolId: string;
  securityProtectionTypes: string[];
  allocationTime: string;
  binding?: EipBinding;
  bandwidthPackageId?: string;
  /** A join or leave of a bandwidth package the cloud is still running: BINDING / UNBINDING until the delay passes. */
  bandwidthPackageTask?: 'joining' | 'leaving';
  tags: Tag[];
  /** When the last associate, unassociate or release on it was accepted (operation-frequency.ts). */
  lastOperationAtMs?: number;
}

/** `lockReason`: why the EIP is locked (`financial`, `security`), if it is. */
export function describedEip(eip: EipRecord, lockReason?: string): Record<string, unknown> {
  return {
    AllocationId: eip.allocationId,
    IpAddress: eip.ipAddress,
    Status: eip.status,
    RegionId: eip.regionId,
    Bandwidth: String(eip.bandwidth),
    EipBandwidth: String(eip.bandwidth),
    InternetChargeType: eip.internetChargeType,
    ChargeType: eip.instanceChargeType,
    ISP: eip.isp,
    Netmode: 'public',
    Name: eip.name,
    Description: eip.description,
    ResourceGroupId: eip.resourceGroupId,
    PublicIpAddressPoolId: eip.publicIpAddressPoolId,
    SecurityProtectionTypes: { SecurityProtectionType: eip.securityProtectionTypes },
    AllocationTime: eip.allocationTime,
    InstanceType: eip.binding?.instanceType ?? '',
    InstanceId: eip.binding?.instanceId ?? '',
    InstanceRegionId: eip.binding ? eip.regionId : '',
    PrivateIpAddress: eip.binding?.onPrimaryIp ? '' : (eip.binding?.privateIpAddress ?? ''),
    Mode: 'NAT',
    BandwidthPackageId: eip.bandwidthPackageId ?? '',
    BandwidthPackageType: eip.bandwidthPackageId ? 'CommonBandwidthPackage' : '',
    DeletionProtection: false,
    OperationLocks: { LockReason: lockReason ? [{ LockReason: lockReason }] : [] },
    Tags: { Tag: eip.tags.map((tag) => ({ Key: tag.key, Value: tag.value })) },
  };
}

/** `YYYY-MM-DDThh:mm:ssZ`, the format of AllocationTime and x-acs-date. */
export function alibabaTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
