/**
 * Tencent pod annotations (SPEC §3.1, §3.4): `tke.cloud.tencent.com/` with the super-node alias
 * `eks.tke.cloud.tencent.com/`. Legacy `Bandwidth`/`ISP` keys lose to their API-key twins.
 */
import type { AllocationParams } from '../providers/provider.js';
import { isInvalid, namedPool } from './pool-request.js';
import { type AnnotationFamily, familyInputsOf, typoIn } from './annotation-keys.js';
import {
  type AnnotationDialect,
  type ClaimRequest,
  type DeletePolicy,
  type PodAnnotationsView,
  RESERVED_TAG_PREFIX,
  invalid,
} from './claim-request.js';
import { isNamedByOrdinal } from './ordinal-workloads.js';

export const TKE_PREFIX = 'tke.cloud.tencent.com/';
const PREFIXES = [TKE_PREFIX, 'eks.tke.cloud.tencent.com/'];

const FAMILY: AnnotationFamily = {
  prefixes: PREFIXES,
  inputNames: new Set(['eip-attributes', 'eip-id-list', 'eip-claim-delete-policy']),
  // Outputs, and the super-node `eip-injection` (EIP visible inside the pod), which podeip leaves to the platform.
  otherKnownNames: new Set(['eip-public-ip', 'eip-id', 'eip-injection']),
};

/** A Tencent address id: `eip-` and 8 lowercase letters or digits (e.g. `eip-m44ku5d2`); DescribeAddresses refuses other forms as AddressIdMalformed. */
export const TENCENT_ADDRESS_ID = /^eip-[a-z0-9]{8}$/;
const ADDRESS_ID_FORM = '"eip-" and 8 lowercase letters or digits, such as "eip-m44ku5d2"';

const ISPS = ['BGP', 'CMCC', 'CTCC', 'CUCC'];
const MAX_BANDWIDTH: Record<string, number> = {
  BANDWIDTH_PACKAGE: 2000,
  BANDWIDTH_POSTPAID_BY_HOUR: 100,
  BANDWIDTH_PREPAID_BY_MONTH: 200,
  TRAFFIC_POSTPAID_BY_HOUR: 100,
};
const CHARGE_TYPES = Object.keys(MAX_BANDWIDTH);
const ADDRESS_TYPES = ['EIP', 'AnycastEIP', 'HighQualityEIP', 'AntiDDoSEIP', 'ResidentialEIP'];
const PREPAID_PERIODS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24, 36];
const PASS_THROUGH_STRINGS = ['BandwidthPackageId', 'AddressName', 'Egress', 'AntiDDoSPackageId'];
const KNOWN_KEYS = [
  'Bandwidth',
  'ISP',
  'InternetMaxBandwidthOut',
  'InternetServiceProvider',
  'InternetChargeType',
  'AddressType',
  'Tags',
  'AddressChargePrepaid',
  ...PASS_THROUGH_STRINGS,
];

export const DEFAULT_TENCENT_ALLOCATION: AllocationParams = {
  bandwidthMbps: 100,
  isp: 'BGP',
  chargeType: 'TRAFFIC_POSTPAID_BY_HOUR',
  parameters: {},
};

class BadValue extends Error {}

interface Found {
  key: string;
  value: string;
}

function find(annotations: Record<string, string>, name: string): Found | undefined {
  for (const prefix of PREFIXES) {
    const key = prefix + name;
    if (key in annotations) return { key, value: annotations[key]! };
  }
  return undefined;
}

export const tencentDialect: AnnotationDialect = {
  provider: 'tencent',
  defaultAllocation: DEFAULT_TENCENT_ALLOCATION,
  extraConditionTypes: [],
  parse: parseTencentAnnotations,
  inputsOf: (pod) => familyInputsOf(FAMILY, pod.annotations),
  outputAnnotations(publicIp: string, addressId: string): Record<string, string> {
    return { [`${TKE_PREFIX}eip-public-ip`]: publicIp, [`${TKE_PREFIX}eip-id`]: addressId };
  },
};

export function parseTencentAnnotations(pod: PodAnnotationsView): ClaimRequest {
  return typoIn(FAMILY, pod.annotations) ?? requestOf(pod);
}

function requestOf(pod: PodAnnotationsView): ClaimRequest {
  const attributes = find(pod.annotations, 'eip-attributes');
  const idList = find(pod.annotations, 'eip-id-list');
  const pool = namedPool(pod.annotations, (attributes ?? idList)?.key);
  if (isInvalid(pool)) return pool;
  if (!attributes && !idList && !pool) return { kind: 'none' };
  if (attributes && idList) {
    return invalid(idList.key, `cannot be combined with ${attributes.key}: ask for an owned or a static address, not both`);
  }
  const policy = find(pod.annotations, 'eip-claim-delete-policy');
  const deletePolicy = policy ? parseDeletePolicy(policy.value) : 'Delete';
  if (deletePolicy === undefined) return invalid(policy!.key, `must be "Never" or absent, got ${JSON.stringify(policy!.value)}`);
  if (pool) return { kind: 'pool', deletePolicy, pool: pool.name };
  try {
    if (idList) return { kind: 'static', deletePolicy, addressIds: parseIdList(idList.value), chooseByOrdinal: isNamedByOrdinal(pod) };
    return { kind: 'owned', deletePolicy, allocation: parseAttributes(attributes!.value) };
  } catch (error) {
    if (error instanceof BadValue) return invalid((idList ?? attributes)!.key, error.message);
    throw error;
  }
}

function parseDeletePolicy(value: string): DeletePolicy | undefined {
  return value === 'Never' ? 'Never' : undefined;
}

function parseIdList(value: string): string[] {
  const ids = value.split(',').map((id) => id.trim());
  if (ids.includes('')) throw new BadValue(`must be a comma-separated list of address ids such as "eip-m44ku5d2,eip-bdm3oq7k", got ${JSON.stringify(value)}`);
  const malformed = ids.find((id) => !TENCENT_ADDRESS_ID.test(id));
  if (malformed !== undefined) throw new BadValue(`lists ${JSON.stringify(malformed)}, which is not a Tencent address id (${ADDRESS_ID_FORM})`);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new BadValue(`lists ${duplicate} more than once`);
  return ids;
}

function parseAttributes(value: string): AllocationParams {
  if (value.trim() === '') return { ...DEFAULT_TENCENT_ALLOCATION, parameters: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new BadValue('is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BadValue('must be a JSON object');
  const input = parsed as Record<string, unknown>;
  const unknownKey = Object.keys(input).find((key) => !KNOWN_KEYS.includes(key));
  if (unknownKey) throw new BadValue(`unknown key ${JSON.stringify(unknownKey)}`);
  return toAllocation(input);
}

function toAllocation(input: Record<string, unknown>): AllocationParams {
  const chargeType = input.InternetChargeType === undefined ? 'TRAFFIC_POSTPAID_BY_HOUR' : oneOf(input, 'InternetChargeType', CHARGE_TYPES);
  const ispKey = input.InternetServiceProvider !== undefined ? 'InternetServiceProvider' : 'ISP';
  const isp = input[ispKey] === undefined ? 'BGP' : oneOf(input, ispKey, ISPS);
  const bandwidthKey = input.InternetMaxBandwidthOut !== undefined ? 'InternetMaxBandwidthOut' : 'Bandwidth';
  const bandwidthMbps = input[bandwidthKey] === undefined ? 100 : integer(input, bandwidthKey);
  const max = MAX_BANDWIDTH[chargeType]!;
  if (bandwidthMbps < 1 || bandwidthMbps > max) {
    throw new BadValue(`${bandwidthKey} must be between 1 and ${max} Mbps for ${chargeType}, got ${bandwidthMbps}`);
  }
  return { bandwidthMbps, isp, chargeType, parameters: passThrough(input, chargeType) };
}

function passThrough(input: Record<string, unknown>, chargeType: string): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  for (const key of PASS_THROUGH_STRINGS) {
    if (input[key] !== undefined) parameters[key] = nonEmptyString(input, key);
  }
  if (input.AddressType !== undefined) parameters.AddressType = oneOf(input, 'AddressType', ADDRESS_TYPES);
  if (input.Tags !== undefined) parameters.Tags = tags(input.Tags);
  if (input.AddressChargePrepaid !== undefined) parameters.AddressChargePrepaid = prepaid(input.AddressChargePrepaid);
  if (chargeType === 'BANDWIDTH_PREPAID_BY_MONTH' && parameters.AddressChargePrepaid === undefined) {
    throw new BadValue('AddressChargePrepaid is required with InternetChargeType BANDWIDTH_PREPAID_BY_MONTH');
  }
  return parameters;
}

function oneOf(input: Record<string, unknown>, key: string, allowed: string[]): string {
  const value = input[key];
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new BadValue(`${key} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function integer(input: Record<string, unknown>, key: string): number {
  const value = input[key];
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    throw new BadValue(`${key} must be a whole number of Mbps, got ${JSON.stringify(value)}`);
  }
  return number;
}

function nonEmptyString(input: Record<string, unknown>, key: string): string {
  const value = input[key];
  if (typeof value !== 'string' || value === '') throw new BadValue(`${key} must be a non-empty string, got ${JSON.stringify(value)}`);
  return value;
}

function tags(value: unknown): { Key: string; Value: string }[] {
  if (!Array.isArray(value)) throw new BadValue('Tags must be a list of {"Key": ..., "Value": ...} objects');
  return value.map((tag: unknown) => {
    const entry = (typeof tag === 'object' && tag !== null ? tag : {}) as Record<string, unknown>;
    if (typeof entry.Key !== 'string' || entry.Key === '' || (entry.Value !== undefined && typeof entry.Value !== 'string')) {
      throw new BadValue('Tags must be a list of {"Key": ..., "Value": ...} objects');
    }
    if (entry.Key.startsWith(RESERVED_TAG_PREFIX)) {
      throw new BadValue(`tag key ${JSON.stringify(entry.Key)} is in the reserved ${RESERVED_TAG_PREFIX} namespace`);
    }
    return { Key: entry.Key, Value: (entry.Value as string | undefined) ?? '' };
  });
}

function prepaid(value: unknown): { Period: number; AutoRenewFlag?: number } {
  const entry = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof entry.Period !== 'number' || !PREPAID_PERIODS.includes(entry.Period)) {
    throw new BadValue(`AddressChargePrepaid.Period must be one of ${PREPAID_PERIODS.join(', ')}, got ${JSON.stringify(entry.Period)}`);
  }
  if (entry.AutoRenewFlag !== undefined && ![0, 1, 2].includes(entry.AutoRenewFlag as number)) {
    throw new BadValue(`AddressChargePrepaid.AutoRenewFlag must be 0, 1 or 2, got ${JSON.stringify(entry.AutoRenewFlag)}`);
  }
  return entry.AutoRenewFlag === undefined ? { Period: entry.Period } : { Period: entry.Period, AutoRenewFlag: entry.AutoRenewFlag as number };
}
