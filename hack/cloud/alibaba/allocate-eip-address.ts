/** VPC AllocateEipAddress: a new pay-as-you-go (or subscription) EIP, `Available` at once. */
import { AlibabaApiError, eipErrors, gatewayErrors } from './alibaba-api-error.js';
import { VPC_VERSION, type AlibabaAction, type AlibabaContext } from './alibaba-action.js';
import { alibabaTimestamp, DEFAULT_RESOURCE_GROUP_ID, MAX_TAGS_PER_EIP } from './eip-record.js';
import type { RpcParameters, Tag } from './rpc-parameters.js';

const ISPS = ['BGP', 'BGP_PRO', 'ChinaTelecom', 'ChinaUnicom', 'ChinaMobile', 'ChinaTelecom_L2', 'ChinaUnicom_L2', 'ChinaMobile_L2', 'BGP_FinanceCloud'] as const;
const SINGLE_LINE_ISPS: readonly string[] = ISPS.slice(2, 8);
const INTERNET_CHARGE_TYPES = ['PayByBandwidth', 'PayByTraffic'] as const;
const INSTANCE_CHARGE_TYPES = ['PostPaid', 'PrePaid'] as const;
const MAX_TAG_LENGTH = 128;
const CLOUD_RESERVED_TAG_PREFIXES = ['aliyun', 'acs:'];

export const allocateEipAddress: AlibabaAction = {
  name: 'AllocateEipAddress',
  version: VPC_VERSION,
  parameters: [
    'Bandwidth', 'ClientToken', 'Description', 'ISP', 'InstanceChargeType', 'InternetChargeType', 'Name', 'Netmode',
    'Period', 'PricingCycle', 'AutoPay', 'PublicIpAddressPoolId', 'ResourceGroupId', 'SecurityProtectionTypes.N',
    'Tag.N.Key', 'Tag.N.Value',
  ],
  handle(parameters, context) {
    const eip = context.eips.allocate({ ...chargeOf(parameters), ...attributesOf(parameters), ...placementOf(parameters, context) });
    return { AllocationId: eip.allocationId, EipAddress: eip.ipAddress, ResourceGroupId: eip.resourceGroupId, OrderId: '' };
  },
};

/** Charge rules from the AllocateEipAddress parameter table (bandwidth ranges per charge type). */
function chargeOf(parameters: RpcParameters) {
  const instanceChargeType = parameters.oneOf('InstanceChargeType', INSTANCE_CHARGE_TYPES, 'PostPaid');
  const internetChargeType = parameters.oneOf('InternetChargeType', INTERNET_CHARGE_TYPES, 'PayByBandwidth');
  const isp = parameters.oneOf('ISP', ISPS, 'BGP');
  if (instanceChargeType === 'PrePaid') {
    if (internetChargeType !== 'PayByBandwidth') throw gatewayErrors.invalidParameter('InternetChargeType');
    parameters.required('Period');
    parameters.integer('Period', { min: 1, max: 9 }, 1);
    parameters.oneOf('PricingCycle', ['Month', 'Year'], 'Month');
  }
  if (SINGLE_LINE_ISPS.includes(isp) && internetChargeType !== 'PayByBandwidth') {
    throw gatewayErrors.invalidParameter('InternetChargeType');
  }
  const maxBandwidth = instanceChargeType === 'PrePaid' ? 1000 : internetChargeType === 'PayByTraffic' ? 200 : 500;
  const bandwidth = Number(parameters.optional('Bandwidth') ?? '5');
  if (!Number.isInteger(bandwidth) || bandwidth < 1 || bandwidth > maxBandwidth) {
    throw new AlibabaApiError('InvalidBandwidth.Malformed', 'Specified Bandwidth is not valid.');
  }
  return { bandwidth, instanceChargeType, internetChargeType, isp };
}

function attributesOf(parameters: RpcParameters) {
  const name = parameters.optional('Name') ?? '';
  const description = parameters.optional('Description') ?? '';
  if (name.length > 128) throw gatewayErrors.invalidParameter('Name');
  if (description.length > 256) throw gatewayErrors.invalidParameter('Description');
  const tags = parameters.tags();
  if (tags.length > MAX_TAGS_PER_EIP) throw eipErrors.tooManyTags();
  tags.forEach(checkTag);
  parameters.oneOf('Netmode', ['public'], 'public');
  return { name, description, tags, securityProtectionTypes: parameters.repeatList('SecurityProtectionTypes') };
}

/** AllocateEipAddress `Tag.N`: keys of 1 to 128 characters not starting with `aliyun` or `acs:`, values of 1 to 128 (reference §4.3, platforms-pools-and-error-tables.md). */
function checkTag(tag: Tag): void {
  if (tag.key.length > MAX_TAG_LENGTH || CLOUD_RESERVED_TAG_PREFIXES.some((prefix) => tag.key.startsWith(prefix))) throw eipErrors.invalidTagKey();
  if (tag.value === '' || tag.value.length > MAX_TAG_LENGTH) throw eipErrors.invalidTagValue();
}

function placementOf(parameters: RpcParameters, context: AlibabaContext) {
  return {
    regionId: context.regionId,
    resourceGroupId: parameters.optional('ResourceGroupId') ?? DEFAULT_RESOURCE_GROUP_ID,
    publicIpAddressPoolId: parameters.optional('PublicIpAddressPoolId') ?? '',
    allocationTime: alibabaTimestamp(context.now()),
    status: 'Available' as const,
  };
}
