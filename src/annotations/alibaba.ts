/**
 * Alibaba pod annotations (SPEC §3.2, §3.4): the Terway / ack-extend-network-controller family under
 * `k8s.aliyun.com/` and `network.alibabacloud.com/`, with the ECI/ASK aliases. One setting given under
 * several names must agree everywhere, so a pod never gets an address it did not clearly ask for.
 */
import { type AnnotationDialect, type ClaimRequest, type PodAnnotationsView, invalid } from './claim-request.js';
import { BadAlibabaValue, DEFAULT_ALIBABA_ALLOCATION, allocationOf, releaseStrategyOf } from './alibaba-values.js';
import { isInvalid, namedPool } from './pool-request.js';
import { type AnnotationFamily, familyInputsOf, typoIn } from './annotation-keys.js';

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

const FAMILY: AnnotationFamily = {
  prefixes: PREFIXES,
  inputNames: new Set<string>(Object.values(NAMES).flat()),
  otherKnownNames: new Set<string>(),
};

/**
 * An EIP allocation id: `eip-` and lowercase letters or digits. Documented examples carry 16 to 21
 * characters after `eip-` (`eip-25877c70gddh****`, `eip-bp1jvx5ki6c********`, `eip-2zeerraiwb7ujsxdc****`,
 * masked); 16 to 32 admits every real generation and the emulator's 20, and refuses words such as `eip-doesnotexist`.
 */
export const ALIBABA_ALLOCATION_ID = /^eip-[a-z0-9]{16,32}$/;

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
  defaultAllocation: DEFAULT_ALIBABA_ALLOCATION,
  extraConditionTypes: [ALIBABA_EIP_CONDITION],
  parse: parseAlibabaAnnotations,
  inputsOf: (pod) => familyInputsOf(FAMILY, pod.annotations),
  outputAnnotations(publicIp: string, addressId: string): Record<string, string> {
    return {
      [`${ACK_PREFIX}allocated-eipAddress`]: publicIp,
      [`${ACS_PREFIX}allocated-eip-address`]: publicIp,
      [`${ACS_PREFIX}allocated-eip-id`]: addressId,
    };
  },
};

export function parseAlibabaAnnotations(pod: PodAnnotationsView): ClaimRequest {
  return typoIn(FAMILY, pod.annotations) ?? checkedRequestOf(pod.annotations);
}

function checkedRequestOf(annotations: Record<string, string>): ClaimRequest {
  try {
    return requestOf(annotations);
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
  const pool = namedPool(annotations, (staticId ?? (wantsOwned ? withEip : undefined))?.key);
  if (isInvalid(pool)) return pool;
  if (!wantsOwned && !staticId && !pool) return { kind: 'none' };
  if (wantsOwned && staticId) {
    throw new BadAlibabaValue(staticId.key, `cannot be combined with ${withEip!.key}: ask for an owned or a static address, not both`);
  }
  const policy = releaseStrategyOf(lookup('releaseStrategy'));
  if (pool) return { kind: 'pool', ...policy, pool: pool.name };
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
  if (!ALIBABA_ALLOCATION_ID.test(id)) {
    throw new BadAlibabaValue(found.key, `must be one EIP allocation id ("eip-" and 16 to 32 lowercase letters or digits, such as "eip-bp1jvx5ki6c0n4e7qa2u8"), got ${JSON.stringify(found.value)}`);
  }
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
