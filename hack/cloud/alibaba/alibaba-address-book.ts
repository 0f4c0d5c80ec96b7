/** The admin API's view of the emulated EIPs, and out-of-band creation of EIPs (as if made in the console). */
import type { AddressBook } from '../common/admin-backend.js';
import { AdminInputError, type AdminAddress, type CreateAddressInput } from '../common/cloud-emulator.js';
import type { AlibabaContext } from './alibaba-action.js';
import { alibabaTimestamp, DEFAULT_RESOURCE_GROUP_ID, type EipBinding, type EipRecord } from './eip-record.js';

const STATIC_EIP_DEFAULTS = {
  bandwidth: 5,
  internetChargeType: 'PayByTraffic',
  instanceChargeType: 'PostPaid',
  isp: 'BGP',
  description: '',
  resourceGroupId: DEFAULT_RESOURCE_GROUP_ID,
  publicIpAddressPoolId: '',
  securityProtectionTypes: [],
};

export function alibabaAddressBook(context: AlibabaContext, forgetTokens: () => void): AddressBook {
  return {
    list: () => context.eips.all().map(adminAddress),
    create: (input) => adminAddress(createStaticEip(context, input)),
    clear: () => {
      context.eips.clear();
      forgetTokens();
    },
  };
}

function createStaticEip(context: AlibabaContext, input: CreateAddressInput): EipRecord {
  const binding = bindingOf(input);
  try {
    return context.eips.add({
      ...STATIC_EIP_DEFAULTS,
      ...(input.publicIp === undefined ? {} : { ipAddress: input.publicIp }),
      ...(binding ? { binding } : {}),
      status: binding ? 'InUse' : 'Available',
      name: input.name ?? '',
      tags: Object.entries(input.tags ?? {}).map(([key, value]) => ({ key, value })),
      regionId: context.regionId,
      allocationTime: alibabaTimestamp(context.now()),
    });
  } catch (error) {
    throw new AdminInputError(error instanceof Error ? error.message : String(error));
  }
}

/** An ENI and private IP (possibly unknown to the VPC model), or a whole ECS instance. */
function bindingOf(input: CreateAddressInput): EipBinding | undefined {
  if ((input.networkInterfaceId === undefined) !== (input.privateIp === undefined)) {
    throw new AdminInputError('networkInterfaceId and privateIp go together');
  }
  if (input.networkInterfaceId !== undefined) {
    return { instanceType: 'NetworkInterface', instanceId: input.networkInterfaceId, privateIpAddress: input.privateIp! };
  }
  if (input.instanceId !== undefined) return { instanceType: 'EcsInstance', instanceId: input.instanceId, privateIpAddress: '' };
  return undefined;
}

function adminAddress(eip: EipRecord): AdminAddress {
  const target = eip.binding?.instanceType === 'NetworkInterface'
    ? { networkInterfaceId: eip.binding.instanceId, privateIp: eip.binding.privateIpAddress }
    : eip.binding ? { instanceId: eip.binding.instanceId } : {};
  return {
    addressId: eip.allocationId,
    publicIp: eip.ipAddress,
    status: eip.status,
    ...target,
    tags: Object.fromEntries(eip.tags.map((tag) => [tag.key, tag.value])),
    name: eip.name,
    bandwidthMbps: eip.bandwidth,
    internetChargeType: eip.internetChargeType,
    isp: eip.isp,
    createdAt: eip.allocationTime,
  };
}
