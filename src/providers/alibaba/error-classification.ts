/**
 * Alibaba OpenAPI error codes to CloudError kinds. Sources: the error-code tables of the VPC API
 * references (https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-associateeipaddress
 * and its siblings for the other EIP actions), Terway's `pkg/aliyun/errors`, terraform-provider-alicloud's
 * retry lists (reference §4.4 and "Long-tail error codes"). First matching rule wins; an unknown code
 * is transient. `MissingCredentials` is podeip's own (no credentials to sign with).
 */
import { MISSING_CREDENTIALS, type CloudErrorKind } from '../cloud-error.js';

/** Codes saying the ENI or instance a binding names does not exist (any more). */
const TARGET_GONE_CODES = [
  'InvalidInstanceId.NotFound',
  'InvalidPrivateIpAddress.NotFound',
  'InvalidParams.NotFound',
  'InvalidInstanId.NotFound',
  'InvalidNicOrVm.NotFound',
  'InvalidInstance.NotExist',
  'OperationFailed.InstanceNotExist',
];

/** Codes blaming an address id the request names (DescribeEipAddresses just leaves unknown ids out). */
const ID_CODES = ['InvalidAllocationId.NotFound', 'InvalidEipId.NotFound'];

/** "Try again later" although some start with `Invalid`: the ENI, instance or binding is busy changing. */
const RETRY_LATER_CODES = [
  'InvalidStatus.EniStatusNotSupport',
  'InvalidStatus.EcsStatusNotSupport',
  'InvalidBindingStatus',
  'OperationFailed.EcsMigrating',
  'OperationFailed.SystemBusy',
];

const exactly = (codes: string[]): RegExp => new RegExp(`^(${codes.map((code) => code.replaceAll('.', '\\.')).join('|')})$`);

const RULES: [RegExp, CloudErrorKind][] = [
  // A package the pod named that does not exist is the user's mistake, not a vanished resource.
  [/^InvalidBandwidthPackageId\.NotFound$/, 'invalid-request'],
  [exactly([...ID_CODES, ...TARGET_GONE_CODES, 'InvalidResourceId.NotFound']), 'not-found'],
  [exactly(RETRY_LATER_CODES), 'conflict'],
  [/^Throttling/, 'throttled'],
  [
    /^(TaskConflict|IncorrectEipStatus|IncorrectInstanceStatus|IncorrectStatus|OperationConflict|OperationFailed\.LastTokenProcessing|InvalidAssociation\.Duplicated)/,
    'conflict',
  ],
  [/^(QuotaExceeded|InsufficientBalance|OperationFailed\.NotEnoughIp)/, 'quota'],
  [/^Forbidden\.ChargeTypeIsPrepaid$/, 'invalid-request'],
  [
    new RegExp(
      `^(Forbidden|Forbbiden|NoPermission|InvalidAccessKeyId|InvalidAccessKeySecret|SignatureDoesNotMatch|IncompleteSignature|InvalidSecurityToken|InvalidCredentials|InvalidTimeStamp|${MISSING_CREDENTIALS}$)`,
    ),
    'auth',
  ],
  [/^(Invalid|Missing|Unsupported|OperationUnsupported|SizeLimitExceeded|IllegalParam)/, 'invalid-request'],
];

export function classifyAlibabaCode(code: string): CloudErrorKind {
  return RULES.find(([pattern]) => pattern.test(code))?.[1] ?? 'transient';
}

export function alibabaCodeConcernsIds(code: string): boolean {
  return ID_CODES.includes(code);
}

/** After such a refusal the pod IP → ENI mapping is looked up again (also after any other complaint about the ENI or the IP). */
export function alibabaCodeMeansTargetGone(code: string): boolean {
  return TARGET_GONE_CODES.includes(code) || /^Invalid(InstanceId|PrivateIpAddress)\./.test(code);
}
