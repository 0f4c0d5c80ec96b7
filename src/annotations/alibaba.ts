/**
 * Alibaba pod annotations (SPEC §3.2, §3.4): the Terway / ack-extend-network-controller family under
 * `k8s.aliyun.com/` and `network.alibabacloud.com/`, with the ECI/ASK aliases. One setting given under
 * several names must agree everywhere, so a pod never gets an address it did not clearly ask for.
 */
import { type AnnotationDialect, type ClaimRequest, type PodAnnotationsView, invalid } from './claim-request.js';
import { BadAlibabaValue, allocationOf, releaseStrategyOf } from './alibaba-values.js';

export const ACK_PREFIX = 'k8s.aliyun.com/';
export const ACS_PREFIX = 'network.alibabacloud.com/';
const PREFIXES = [ACK_PREFIX, ACS_PREFIX];

/** Each setting's name, then its compat aliases. */
const NAMES = {
  withEip: ['pod-with-eip', 'eci-with-eip'],
  instanceId: ['pod-eip-instanceid', 'eci-eip-instanceid'],
  bandwidth: ['eip-bandwidth'],
  internetChargeType: ['eip-internet-charge-type', 'eip-charge-type'],
  instanceChargeType: ['eip-instance-charge-type'],
  isp: ['eip-isp'],
  bandwidthPackageId: ['eip-common-bandwidth-package-id'],
  addressPoolId: ['eip-public-ip-address-pool-id'],
  resourceGroupId: ['eip-resource-group-id'],
  name: ['eip-name'],
  description: ['eip-description'],
  securityProtectionTypes: ['eip-security-protection-types'],
  tags: ['eip-tags'],
  releaseStrategy: ['pod-eip-release-strategy'],
} as const;

export type AlibabaSetting = keyof typeof NAMES;

const KNOWN_SUFFIXES = new Set<string>(Object.values(NAMES).flat());

export const ALIBABA_EIP_CONDITION = `${ACK_PREFIX}eip`;

/** One setting as the pod gives it: the value and the first annotation key that carried it. */
export interface FoundSetting {
  key: string;
  value: string;
}

/** Reads one setting from the pod's annotations (undefined when absent). */
export type SettingLookup = (setting: AlibabaSetting) => FoundSetting | undefined;

export const alibabaDialect: AnnotationDialect = {
  provider: 'alibaba',
  extraConditionTypes: [ALIBABA_EIP_CONDITION],
  parse: parseAlibabaAnnotations,
  outputAnnotations(publicIp: string, addressId: string): Record<string, string> {
    return {
      [`${ACK_PREFIX}allocated-eipAddress`]: publicIp,
      [`${ACS_PREFIX}allocated-eip-address`]: publicIp,
      [`${ACS_PREFIX}allocated-eip-id`]: addressId,
    };
  },
};

export function parseAlibabaAnnotations(pod: PodAnnotationsView): ClaimRequest {
  try {
    return requestOf(pod.annotations);
  } catch (error) {
    if (error instanceof BadAlibabaValue) return invalid(error.annotation, error.message);
    throw error;
  }
}

function requestOf(annotations: Record<string, string>): ClaimRequest {
  const lookup: SettingLookup = (setting) => settingOf(annotations, setting);
  const withEip = lookup('withEip');
  const staticId = lookup('instanceId');
  const wantsOwned = wantsAnOwnedAddress(withEip);
  if (!wantsOwned && !staticId) return { kind: 'none' };
  if (wantsOwned && staticId) {
    throw new BadAlibabaValue(staticId.key, `cannot be combined with ${withEip!.key}: ask for an owned or a static address, not both`);
  }
  rejectUnknownEipAnnotations(annotations);
  const policy = releaseStrategyOf(lookup('releaseStrategy'));
  if (staticId) return { kind: 'static', ...policy, addressIds: [staticAddressId(staticId)], chooseByOrdinal: false };
  return { kind: 'owned', ...policy, allocation: allocationOf(lookup) };
}

function wantsAnOwnedAddress(found: FoundSetting | undefined): boolean {
  if (!found || found.value === 'false') return false;
  if (found.value === 'true') return true;
  throw new BadAlibabaValue(found.key, `must be "true" or "false", got ${JSON.stringify(found.value)}`);
}

function staticAddressId(found: FoundSetting): string {
  const id = found.value.trim();
  if (!/^eip-[A-Za-z0-9]+$/.test(id)) throw new BadAlibabaValue(found.key, `must be one EIP allocation id such as "eip-bp1abc", got ${JSON.stringify(found.value)}`);
  return id;
}

/** A setting under any prefix or alias; given twice with different values, it is refused. */
function settingOf(annotations: Record<string, string>, setting: AlibabaSetting): FoundSetting | undefined {
  const keys = NAMES[setting].flatMap((name) => PREFIXES.map((prefix) => prefix + name)).filter((key) => key in annotations);
  const first = keys[0];
  if (first === undefined) return undefined;
  const disagreeing = keys.find((key) => annotations[key] !== annotations[first]);
  if (disagreeing) {
    throw new BadAlibabaValue(disagreeing, `disagrees with ${first}: ${JSON.stringify(annotations[disagreeing])} vs ${JSON.stringify(annotations[first])}`);
  }
  return { key: first, value: annotations[first]! };
}

/** An `eip-` annotation podeip does not know is most likely a typo, which must not pass silently. */
function rejectUnknownEipAnnotations(annotations: Record<string, string>): void {
  for (const key of Object.keys(annotations)) {
    const prefix = PREFIXES.find((candidate) => key.startsWith(candidate));
    if (!prefix) continue;
    const suffix = key.slice(prefix.length);
    if (/^(eip-|pod-eip-)/.test(suffix) && !KNOWN_SUFFIXES.has(suffix)) throw new BadAlibabaValue(key, 'is not a known EIP annotation');
  }
}
