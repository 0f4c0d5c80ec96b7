/** AllocateAddresses (intl.cloud.tencent.com/document/api/215/16699). */
import { addressErrors, commonErrors } from '../tencent-api-error.js';
import type { TencentTag } from '../tencent-address.js';
import type { AllocationResult } from '../address-book.js';
import type { ActionHandler, TencentContext } from '../tencent-context.js';
import { runTask } from '../address-lookup.js';

const ISPS = ['BGP', 'CMCC', 'CTCC', 'CUCC'];
const ADDRESS_TYPES = ['EIP', 'AnycastEIP', 'HighQualityEIP', 'AntiDDoSEIP', 'ResidentialEIP'];
/** Maximum InternetMaxBandwidthOut per charge type. */
const MAX_BANDWIDTH: Record<string, number> = {
  BANDWIDTH_PACKAGE: 2000,
  BANDWIDTH_POSTPAID_BY_HOUR: 100,
  BANDWIDTH_PREPAID_BY_MONTH: 200,
  TRAFFIC_POSTPAID_BY_HOUR: 100,
};
const PREPAID_PERIODS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24, 36];
const MAX_ADDRESS_COUNT = 100;
const MAX_TAGS = 50;
const MAX_CLIENT_TOKEN_LENGTH = 64;

interface AllocationRequest {
  count: number;
  isp: string;
  internetChargeType: string;
  bandwidth: number;
  addressType: string;
  name: string;
  tags: TencentTag[];
  vipCluster: string[];
}

export const allocateAddresses: ActionHandler = (parameters, context) => {
  const request = validatedRequest(parameters);
  const result = context.book.allocationTokens.once(parameters.ClientToken as string | undefined, () =>
    allocate(request, context),
  );
  return { ...result, AddressSet: [...result.AddressSet] };
};

function allocate(request: AllocationRequest, context: TencentContext): AllocationResult {
  const { book, kit } = context;
  if (book.all().length + request.count > kit.quota) throw addressErrors.quotaExceeded(kit.quota);
  const dailyLimit = context.dailyAllocateLimit ?? kit.quota * 2;
  if (dailyLimit !== false && book.allocationsToday() + request.count > dailyLimit) {
    throw addressErrors.dailyAllocateExceeded(dailyLimit);
  }
  claimRequestedIps(request.vipCluster, context);
  book.countAllocations(request.count);
  const addresses = Array.from({ length: request.count }, (_, index) =>
    book.add({
      status: 'CREATING',
      ...(request.vipCluster[index] !== undefined && { publicIp: request.vipCluster[index] }),
      name: request.name,
      isp: request.isp,
      internetChargeType: request.internetChargeType,
      bandwidth: request.bandwidth,
      addressType: request.addressType,
      tags: request.tags.map((tag) => ({ ...tag })),
    }),
  );
  const taskId = runTask(context, context.delays.create, () => {
    addresses.forEach((address) => {
      if (address.status === 'CREATING') address.status = 'UNBIND';
    });
  });
  return { AddressSet: addresses.map((address) => address.addressId), TaskId: taskId };
}

function validatedRequest(parameters: Record<string, unknown>): AllocationRequest {
  const count = (parameters.AddressCount as number | undefined) ?? 1;
  if (count < 1 || count > MAX_ADDRESS_COUNT) {
    throw commonErrors.invalidParameterValue(
      `AddressCount must be between 1 and ${MAX_ADDRESS_COUNT}.`,
      'InvalidParameterValue.Range',
    );
  }
  const isp = oneOf(parameters, 'InternetServiceProvider', ISPS, 'BGP');
  const internetChargeType = oneOf(parameters, 'InternetChargeType', Object.keys(MAX_BANDWIDTH), 'TRAFFIC_POSTPAID_BY_HOUR');
  const vipCluster = (parameters.VipCluster as string[] | undefined) ?? [];
  if (vipCluster.length > 0 && vipCluster.length !== count) {
    throw commonErrors.invalidParameterValue('VipCluster must list one address per AddressCount.', 'InvalidParameterValue.Combination');
  }
  checkPrepaid(parameters, internetChargeType);
  checkClientToken(parameters.ClientToken as string | undefined);
  if (parameters.BandwidthPackageId !== undefined) {
    throw commonErrors.invalidParameterValue(
      `The bandwidth package \`${String(parameters.BandwidthPackageId)}\` does not exist.`,
      'InvalidParameterValue.BandwidthPackageNotFound',
    );
  }
  return {
    count,
    isp,
    internetChargeType,
    bandwidth: bandwidthFor(parameters, internetChargeType),
    addressType: oneOf(parameters, 'AddressType', ADDRESS_TYPES, 'EIP'),
    name: validatedName(parameters.AddressName as string | undefined),
    tags: validatedTags(parameters.Tags as TencentTag[] | undefined),
    vipCluster,
  };
}

/** cloud.tencent.com ModifyAddressAttribute: at most 128 characters, letters, Chinese characters, digits, "-" and "_". */
function validatedName(name: string | undefined): string {
  if (name === undefined) return '';
  if (name.length > 128 || !/^[A-Za-z0-9\u4e00-\u9fa5_-]*$/.test(name)) {
    throw commonErrors.invalidParameterValue(`The value \`${name}\` of \`AddressName\` must be at most 128 letters, Chinese characters, digits, "-" or "_".`);
  }
  return name;
}

function oneOf(parameters: Record<string, unknown>, name: string, allowed: string[], fallback: string): string {
  const value = (parameters[name] as string | undefined) ?? fallback;
  if (!allowed.includes(value)) {
    throw commonErrors.invalidParameterValue(`The value \`${value}\` of \`${name}\` is not one of ${allowed.join(', ')}.`);
  }
  return value;
}

function bandwidthFor(parameters: Record<string, unknown>, chargeType: string): number {
  const bandwidth = (parameters.InternetMaxBandwidthOut as number | undefined) ?? 1;
  if (bandwidth < 1) {
    throw commonErrors.invalidParameterValue('InternetMaxBandwidthOut must be at least 1.', 'InvalidParameterValue.BandwidthTooSmall');
  }
  if (bandwidth > MAX_BANDWIDTH[chargeType]!) {
    throw commonErrors.invalidParameterValue(
      `InternetMaxBandwidthOut must be at most ${MAX_BANDWIDTH[chargeType]} for ${chargeType}.`,
      'InvalidParameterValue.BandwidthOutOfRange',
    );
  }
  return bandwidth;
}

function checkPrepaid(parameters: Record<string, unknown>, chargeType: string): void {
  const prepaid = parameters.AddressChargePrepaid as { Period: number } | undefined;
  if (chargeType === 'BANDWIDTH_PREPAID_BY_MONTH' && !prepaid) {
    throw commonErrors.invalidParameterValue(
      'AddressChargePrepaid is required for BANDWIDTH_PREPAID_BY_MONTH.',
      'InvalidParameterValue.Combination',
    );
  }
  if (prepaid && !PREPAID_PERIODS.includes(prepaid.Period)) {
    throw commonErrors.invalidParameterValue(`Period ${prepaid.Period} is not allowed.`, 'InvalidParameterValue.Range');
  }
}

function checkClientToken(token: string | undefined): void {
  if (token === undefined) return;
  if (token.length > MAX_CLIENT_TOKEN_LENGTH || !/^[\x20-\x7e]+$/.test(token)) {
    throw commonErrors.invalidParameterValue(
      `ClientToken must be 1 to ${MAX_CLIENT_TOKEN_LENGTH} printable ASCII characters.`,
    );
  }
}

function validatedTags(tags: TencentTag[] | undefined): TencentTag[] {
  const list = tags ?? [];
  if (list.length > MAX_TAGS) {
    throw commonErrors.invalidParameterValue(`At most ${MAX_TAGS} tags are allowed.`, 'LimitExceeded.TagKeyPerResourceExceeded');
  }
  const keys = new Set<string>();
  for (const tag of list) {
    if (tag.Key.trim() === '') throw commonErrors.invalidParameterValue('A tag key must not be empty.', 'InvalidParameterValue.InvalidTag');
    if (keys.has(tag.Key)) {
      throw commonErrors.invalidParameterValue(`The tag key \`${tag.Key}\` is repeated.`, 'InvalidParameterValue.TagDuplicateKey');
    }
    keys.add(tag.Key);
  }
  return list;
}

function claimRequestedIps(addresses: string[], context: TencentContext): void {
  const claimed: string[] = [];
  for (const address of addresses) {
    if (!context.kit.publicIps.claim(address)) {
      claimed.forEach((ip) => context.kit.publicIps.release(ip));
      throw commonErrors.invalidParameterValue(
        `The address ${address} is not available.`,
        'InvalidParameterValue.AddressIpNotAvailable',
      );
    }
    claimed.push(address);
  }
}
