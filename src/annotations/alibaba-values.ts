/**
 * Values of the Alibaba EIP annotations: allocation parameters for AllocateEipAddress (limits from its
 * documentation) and the release strategy. Each bad value names the annotation that carried it.
 */
import type { AllocationParams } from '../providers/provider.js';
import { type DurationReading, MAX_DURATION, formatDuration, readGoDuration } from '../util/duration.js';
import { type DeletePolicy, RESERVED_TAG_PREFIX } from './claim-request.js';
import type { FoundSetting, SettingLookup } from './alibaba.js';

export class BadAlibabaValue extends Error {
  constructor(
    readonly annotation: string,
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_ALIBABA_ALLOCATION: AllocationParams = { bandwidthMbps: 5, isp: 'BGP', chargeType: 'PayByTraffic', parameters: {} };

/** Pay-as-you-go bandwidth ceilings per internet charge type (AllocateEipAddress `Bandwidth`). */
const MAX_BANDWIDTH: Record<string, number> = { PayByTraffic: 200, PayByBandwidth: 500 };
const CHARGE_TYPES = Object.keys(MAX_BANDWIDTH);
const SINGLE_LINE_ISPS = ['ChinaTelecom', 'ChinaUnicom', 'ChinaMobile', 'ChinaTelecom_L2', 'ChinaUnicom_L2', 'ChinaMobile_L2'];
const ISPS = ['BGP', 'BGP_PRO', ...SINGLE_LINE_ISPS];
const MAX_NAME = 128;
const MAX_DESCRIPTION = 256;
/** Alibaba allows 20 tags per EIP; podeip writes 4 of its own. */
const MAX_USER_TAGS = 16;
const CLOUD_RESERVED_TAG_PREFIXES = ['aliyun', 'acs:'];
const MIN_RETENTION_MS = 5 * 60_000;

/** The AllocateEipAddress parameters beyond bandwidth, ISP and charge type, by their API names. */
const ID_PARAMETERS = [
  ['bandwidthPackageId', 'CommonBandwidthPackageId'],
  ['addressPoolId', 'PublicIpAddressPoolId'],
  ['resourceGroupId', 'ResourceGroupId'],
] as const;

export function allocationOf(lookup: SettingLookup): AllocationParams {
  const chargeType = oneOf(lookup('internetChargeType'), CHARGE_TYPES) ?? DEFAULT_ALIBABA_ALLOCATION.chargeType;
  const isp = oneOf(lookup('isp'), ISPS) ?? DEFAULT_ALIBABA_ALLOCATION.isp;
  if (SINGLE_LINE_ISPS.includes(isp) && chargeType !== 'PayByBandwidth') {
    throw new BadAlibabaValue(lookup('isp')!.key, `${isp} needs eip-internet-charge-type PayByBandwidth, got ${chargeType}`);
  }
  const bandwidth = lookup('bandwidth');
  const bandwidthMbps = bandwidth ? megabits(bandwidth, MAX_BANDWIDTH[chargeType]!, chargeType) : DEFAULT_ALIBABA_ALLOCATION.bandwidthMbps;
  return { bandwidthMbps, isp, chargeType, parameters: parametersOf(lookup) };
}

function parametersOf(lookup: SettingLookup): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  const instanceChargeType = lookup('instanceChargeType');
  if (instanceChargeType) {
    if (instanceChargeType.value !== 'PostPaid') {
      throw new BadAlibabaValue(instanceChargeType.key, `must be "PostPaid" (podeip cannot release prepaid addresses), got ${JSON.stringify(instanceChargeType.value)}`);
    }
    parameters.InstanceChargeType = 'PostPaid';
  }
  for (const [setting, apiName] of ID_PARAMETERS) {
    const found = lookup(setting);
    if (found) parameters[apiName] = resourceId(found);
  }
  const name = lookup('name');
  if (name) parameters.Name = text(name, MAX_NAME);
  const description = lookup('description');
  if (description) parameters.Description = text(description, MAX_DESCRIPTION);
  const protection = lookup('securityProtectionTypes');
  if (protection) parameters.SecurityProtectionTypes = protectionTypes(protection);
  const tags = lookup('tags');
  if (tags) parameters.Tags = userTags(tags);
  return parameters;
}

/** `Follow` ends the claim with the pod; `Never` keeps it; a duration keeps it that long (5m to MAX_DURATION). */
export function releaseStrategyOf(found: FoundSetting | undefined): { deletePolicy: DeletePolicy; expireAfter?: string } {
  if (!found || found.value === 'Follow') return { deletePolicy: 'Delete' };
  if (found.value === 'Never') return { deletePolicy: 'Never' };
  const reading: DurationReading = /^[0-9.]/.test(found.value) ? readGoDuration(found.value) : { problem: 'malformed' };
  if ('problem' in reading) {
    const wanted = reading.problem === 'too-long' ? `at most ${MAX_DURATION}` : `"Follow", "Never" or a duration of at least 5m such as "10m"`;
    throw new BadAlibabaValue(found.key, `must be ${wanted}, got ${JSON.stringify(found.value)}`);
  }
  if (reading.ms < MIN_RETENTION_MS) throw new BadAlibabaValue(found.key, `must keep the address for at least 5m, got ${JSON.stringify(found.value)}`);
  return { deletePolicy: 'Never', expireAfter: formatDuration(reading.ms) };
}

function oneOf(found: FoundSetting | undefined, allowed: string[]): string | undefined {
  if (!found) return undefined;
  if (!allowed.includes(found.value)) throw new BadAlibabaValue(found.key, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(found.value)}`);
  return found.value;
}

/** `5` or `5M`, as Terway and ack-extend accept. */
function megabits(found: FoundSetting, max: number, chargeType: string): number {
  const match = /^(\d+)M?$/.exec(found.value.trim());
  if (!match) throw new BadAlibabaValue(found.key, `must be a whole number of Mbps such as "5" or "5M", got ${JSON.stringify(found.value)}`);
  const mbps = Number(match[1]);
  if (mbps < 1 || mbps > max) throw new BadAlibabaValue(found.key, `must be between 1 and ${max} Mbps for ${chargeType}, got ${mbps}`);
  return mbps;
}

function resourceId(found: FoundSetting): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(found.value)) throw new BadAlibabaValue(found.key, `must be a resource id, got ${JSON.stringify(found.value)}`);
  return found.value;
}

function text(found: FoundSetting, max: number): string {
  if (found.value === '' || found.value.length > max) {
    throw new BadAlibabaValue(found.key, `must be 1 to ${max} characters long, got ${found.value.length}`);
  }
  return found.value;
}

function protectionTypes(found: FoundSetting): string[] {
  const types = found.value.split(',').map((type) => type.trim());
  if (types.some((type) => !/^[A-Za-z_]+$/.test(type))) {
    throw new BadAlibabaValue(found.key, `must be a comma-separated list such as "AntiDDoS_Enhanced", got ${JSON.stringify(found.value)}`);
  }
  return types;
}

function userTags(found: FoundSetting): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(found.value);
  } catch {
    throw new BadAlibabaValue(found.key, 'is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadAlibabaValue(found.key, 'must be a JSON object of tag keys to string values, such as {"team":"games"}');
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.length > MAX_USER_TAGS) throw new BadAlibabaValue(found.key, `has ${entries.length} tags; at most ${MAX_USER_TAGS} fit beside podeip's own`);
  for (const [key, value] of entries) checkTag(found.key, key, value);
  return Object.fromEntries(entries) as Record<string, string>;
}

function checkTag(annotation: string, key: string, value: unknown): void {
  if (typeof value !== 'string') throw new BadAlibabaValue(annotation, `tag ${JSON.stringify(key)} must have a string value, got ${JSON.stringify(value)}`);
  if (key === '' || key.length > 128 || value.length > 128) {
    throw new BadAlibabaValue(annotation, `tag ${JSON.stringify(key)} needs a key of 1 to 128 characters and a value of at most 128`);
  }
  if (value === '') throw new BadAlibabaValue(annotation, `tag ${JSON.stringify(key)} needs a value: AllocateEipAddress refuses empty ones`);
  if (key.startsWith(RESERVED_TAG_PREFIX)) throw new BadAlibabaValue(annotation, `tag key ${JSON.stringify(key)} is in the reserved ${RESERVED_TAG_PREFIX} namespace`);
  const cloudPrefix = CLOUD_RESERVED_TAG_PREFIXES.find((prefix) => key.startsWith(prefix));
  if (cloudPrefix) throw new BadAlibabaValue(annotation, `tag key ${JSON.stringify(key)} may not start with ${JSON.stringify(cloudPrefix)}`);
}
