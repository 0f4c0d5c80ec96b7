/** DescribeNetworkInterfaces over the shared PodNetwork (cloud.tencent.com/document/api/215/15817). */
import type { NetworkInterfaceRecord } from '../../../network/pod-network.js';
import { matchesAll, page, validatedFilters, type Filter } from '../filters.js';
import { commonErrors } from '../tencent-api-error.js';
import type { ActionHandler, TencentContext } from '../tencent-context.js';

const MAX_IDS = 100;
const FILTER_NAMES = new Set([
  'vpc-id',
  'subnet-id',
  'network-interface-id',
  'attachment.instance-id',
  'address-ip',
  'ip-exact-match',
  'is-primary',
  'public-address-ip',
]);

export const describeNetworkInterfaces: ActionHandler = (parameters, context) => {
  const ids = parameters.NetworkInterfaceIds as string[] | undefined;
  const filters = validatedFilters(parameters.Filters, FILTER_NAMES, 'InvalidParameter.FilterInvalidKey');
  if (ids !== undefined && filters.length > 0) {
    throw commonErrors.invalidParameterValue(
      'NetworkInterfaceIds and Filters cannot be used together.',
      'InvalidParameterConflict',
    );
  }
  if (ids !== undefined && ids.length > MAX_IDS) {
    throw commonErrors.invalidParameterValue(`At most ${MAX_IDS} ids are allowed.`, 'InvalidParameterValue.LimitExceeded');
  }
  const exactIp = filters.find((filter) => filter.Name === 'ip-exact-match')?.Values[0]?.toLowerCase() === 'true';
  const matching = context.network
    .interfaces()
    .filter((eni) => ids === undefined || ids.includes(eni.networkInterfaceId))
    .filter((eni) => matchesAll(eni, filters, (candidate, filter) => eniMatches(candidate, filter, exactIp, context)));
  return {
    TotalCount: matching.length,
    NetworkInterfaceSet: page(matching, parameters.Offset, parameters.Limit).map((eni) => toModel(eni, context)),
  };
};

function eniMatches(eni: NetworkInterfaceRecord, filter: Filter, exactIp: boolean, context: TencentContext): boolean {
  const values = filter.Values;
  switch (filter.Name) {
    case 'vpc-id':
      return values.includes(eni.vpcId);
    case 'subnet-id':
      return values.includes(eni.subnetId);
    case 'network-interface-id':
      return values.includes(eni.networkInterfaceId);
    case 'attachment.instance-id':
      return values.includes(eni.instanceId);
    case 'is-primary':
      return values.some((value) => value.toLowerCase() === String(eni.primary));
    case 'address-ip':
      return eni.privateIps.some((ip) => addressIpMatches(ip.address, values, exactIp));
    case 'public-address-ip':
      return eni.privateIps.some((ip) => values.includes(boundPublicIp(eni, ip.address, context) ?? ''));
    default:
      return true;
  }
}

/** Documented: one value is a suffix match unless ip-exact-match is true; several values match exactly. */
function addressIpMatches(address: string, values: string[], exact: boolean): boolean {
  if (values.length === 1 && !exact) return address.endsWith(values[0]!);
  return values.includes(address);
}

function boundPublicIp(eni: NetworkInterfaceRecord, privateIp: string, context: TencentContext): string | undefined {
  const address = context.book.boundTo(eni.networkInterfaceId, privateIp);
  return address?.status === 'BIND' ? address.publicIp : undefined;
}

function toModel(eni: NetworkInterfaceRecord, context: TencentContext): Record<string, unknown> {
  return {
    NetworkInterfaceId: eni.networkInterfaceId,
    NetworkInterfaceName: eni.primary ? 'primary' : eni.networkInterfaceId,
    NetworkInterfaceDescription: '',
    SubnetId: eni.subnetId,
    VpcId: eni.vpcId,
    GroupSet: [],
    Primary: eni.primary,
    MacAddress: eni.macAddress,
    State: 'AVAILABLE',
    NetworkInterfaceState: 'AVAILABLE',
    PrivateIpAddressSet: eni.privateIps.map((ip) => {
      const bound = context.book.boundTo(eni.networkInterfaceId, ip.address);
      return {
        PrivateIpAddress: ip.address,
        Primary: ip.primary,
        PublicIpAddress: boundPublicIp(eni, ip.address, context) ?? '',
        AddressId: bound?.status === 'BIND' ? bound.addressId : '',
        Description: '',
        IsWanIpBlocked: false,
        State: 'AVAILABLE',
        QosLevel: 'DEFAULT',
      };
    }),
    Attachment: { InstanceId: eni.instanceId, DeviceIndex: eni.primary ? 0 : 1, InstanceAccountId: '', AttachTime: '' },
    Zone: `${context.region}-3`,
    CreatedTime: '',
    Ipv6AddressSet: [],
    TagSet: [],
    EniType: eni.primary ? 1 : 0,
    Business: 'cvm',
    AttachType: 0,
  };
}
