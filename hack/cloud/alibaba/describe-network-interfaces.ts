/**
 * ECS DescribeNetworkInterfaces over the shared VPC model: the ENIs of the emulated nodes, filtered by
 * VPC, ENI ids, private IPs (primary or secondary), instance and type, each private IP with the EIP
 * bound to it.
 */
import type { NetworkInterfaceRecord, PrivateIp } from '../../network/pod-network.js';
import { gatewayErrors } from './alibaba-api-error.js';
import { ECS_VERSION, type AlibabaAction, type AlibabaContext } from './alibaba-action.js';
import { pagingFields } from './paging.js';
import type { RpcParameters } from './rpc-parameters.js';

/** NetworkInterfaceId.N and PrivateIpAddress.N take at most 100 values. */
const MAX_LISTED_VALUES = 100;
const MAX_PAGE_SIZE = 1000;
const ZONE_SUFFIX = '-h';

type EniFilter = (eni: NetworkInterfaceRecord) => boolean;

export const describeNetworkInterfaces: AlibabaAction = {
  name: 'DescribeNetworkInterfaces',
  version: ECS_VERSION,
  parameters: ['VpcId', 'NetworkInterfaceId.N', 'PrivateIpAddress.N', 'InstanceId', 'Type', 'PageNumber', 'PageSize'],
  handle(parameters, context) {
    const filters = filtersOf(parameters);
    const matching = context.network.interfaces().filter((eni) => filters.every((filter) => filter(eni)));
    const { page, fields } = pagingFields(parameters, matching, MAX_PAGE_SIZE);
    return { ...fields, NetworkInterfaceSets: { NetworkInterfaceSet: page.map((eni) => describedEni(eni, context)) } };
  },
};

function filtersOf(parameters: RpcParameters): EniFilter[] {
  const filters: EniFilter[] = [];
  const vpcId = parameters.optional('VpcId');
  if (vpcId !== undefined) filters.push((eni) => eni.vpcId === vpcId);
  const ids = listOf(parameters, 'NetworkInterfaceId');
  if (ids.length > 0) filters.push((eni) => ids.includes(eni.networkInterfaceId));
  const addresses = listOf(parameters, 'PrivateIpAddress');
  if (addresses.length > 0) filters.push((eni) => eni.privateIps.some((ip) => addresses.includes(ip.address)));
  const instanceId = parameters.optional('InstanceId');
  if (instanceId !== undefined) filters.push((eni) => eni.instanceId === instanceId);
  if (parameters.optional('Type') !== undefined) {
    const type = parameters.oneOf('Type', ['Primary', 'Secondary'], 'Primary');
    filters.push((eni) => eniType(eni) === type);
  }
  return filters;
}

function listOf(parameters: RpcParameters, name: string): string[] {
  const values = parameters.repeatList(name);
  if (values.length > MAX_LISTED_VALUES) throw gatewayErrors.invalidParameter(name);
  return values;
}

/** ECS ENI `Status` (Available, Attaching, InUse, Detaching, Deleting) for the states set through the admin API. */
const ENI_STATUS_BY_STATE: Record<string, string> = { detached: 'Available', attaching: 'Attaching' };

function eniType(eni: NetworkInterfaceRecord): 'Primary' | 'Secondary' {
  return eni.primary ? 'Primary' : 'Secondary';
}

function describedEni(eni: NetworkInterfaceRecord, context: AlibabaContext): Record<string, unknown> {
  const primaryIp = eni.privateIps.find((ip) => ip.primary)!;
  return {
    NetworkInterfaceId: eni.networkInterfaceId,
    Status: ENI_STATUS_BY_STATE[context.resourceStates.of(eni.networkInterfaceId) ?? ''] ?? 'InUse',
    Type: eniType(eni),
    VpcId: eni.vpcId,
    VSwitchId: eni.subnetId,
    ZoneId: `${context.regionId}${ZONE_SUFFIX}`,
    InstanceId: eni.instanceId,
    MacAddress: eni.macAddress,
    PrivateIpAddress: primaryIp.address,
    AssociatedPublicIp: associatedPublicIp(eni, primaryIp, context),
    PrivateIpSets: {
      PrivateIpSet: eni.privateIps.map((ip) => ({
        PrivateIpAddress: ip.address,
        Primary: ip.primary,
        AssociatedPublicIp: associatedPublicIp(eni, ip, context),
      })),
    },
    Attachment: { InstanceId: eni.instanceId, DeviceIndex: context.network.node(eni.nodeName)?.interfaces.indexOf(eni) ?? 0 },
    Tags: { Tag: [] },
  };
}

/** Only a completed association (InUse) shows on the ENI. */
function associatedPublicIp(eni: NetworkInterfaceRecord, ip: PrivateIp, context: AlibabaContext): Record<string, string> {
  const eip = context.eips.boundTo(eni.networkInterfaceId, ip.address);
  return eip?.status === 'InUse' ? { PublicIpAddress: eip.ipAddress, AllocationId: eip.allocationId } : {};
}
