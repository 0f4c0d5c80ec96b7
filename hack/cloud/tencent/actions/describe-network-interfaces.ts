/** DescribeNetworkInterfaces over the shared PodNetwork (cloud.tencent.com/document/api/215/15817). */
import type { NetworkInterfaceRecord } from '../../../network/pod-network.js';
import { matchesAll, page, validatedFilters, type Filter } from '../filters.js';
import { commonErrors } from '../tencent-api-error.js';
import type { TencentAddress } from '../tencent-address.js';
import type { ActionHandler } from '../tencent-context.js';

/** Addresses by `<eni>/<private IP>`, built once per request. */
type Bindings = Map<string, TencentAddress>;

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
  const bindings: Bindings = new Map(
    context.book.all().map((address) => [`${address.networkInterfaceId}/${address.privateIp}`, address]),
  );
  const exactIp = filters.find((filter) => filter.Name === 'ip-exact-match')?.Values[0]?.toLowerCase() === 'true';
  const matching = context.network
    .interfaces()
    .filter((eni) => ids === undefined || ids.includes(eni.networkInterfaceId))
    .filter((eni) => matchesAll(eni, filters, (candidate, filter) => eniMatches(candidate, filter, exactIp, bindings)));
  return {
    TotalCount: matching.length,
    NetworkInterfaceSet: page(matching, parameters.Offset, parameters.Limit).map((eni) => toModel(eni, bindings, context.region)),
  };
};

function eniMatches(eni: NetworkInterfaceRecord, filter: Filter, exactIp: boolean, bindings: Bindings): boolean {
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
      return eni.privateIps.some((ip) => values.includes(boundAddress(eni, ip.address, bindings)?.publicIp ?? ''));
    default:
      return true;
  }
}

/** Documented: one value is a suffix match unless ip-exact-match is true; several values match exactly. */
function addressIpMatches(address: string, values: string[], exact: boolean): boolean {
  if (values.length === 1 && !exact) return address.endsWith(values[0]!);
  return values.includes(address);
}

/** The EIP bound to the private IP; one still binding or unbinding is not shown on the ENI. */
function boundAddress(eni: NetworkInterfaceRecord, privateIp: string, bindings: Bindings): TencentAddress | undefined {
  const address = bindings.get(`${eni.networkInterfaceId}/${privateIp}`);
  return address?.status === 'BIND' ? address : undefined;
}

function toModel(eni: NetworkInterfaceRecord, bindings: Bindings, region: string): Record<string, unknown> {
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
      const bound = boundAddress(eni, ip.address, bindings);
      return {
        PrivateIpAddress: ip.address,
        Primary: ip.primary,
        PublicIpAddress: bound?.publicIp ?? '',
        AddressId: bound?.addressId ?? '',
        Description: '',
        IsWanIpBlocked: false,
        State: 'AVAILABLE',
        QosLevel: 'DEFAULT',
      };
    }),
    Attachment: { InstanceId: eni.instanceId, DeviceIndex: eni.primary ? 0 : 1, InstanceAccountId: '', AttachTime: '' },
    Zone: `${region}-3`,
    CreatedTime: '',
    Ipv6AddressSet: [],
    TagSet: [],
    EniType: eni.primary ? 1 : 0,
    Business: 'cvm',
    AttachType: 0,
  };
}
