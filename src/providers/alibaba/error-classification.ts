/**
 * Alibaba OpenAPI error codes (reference §4.4, the VPC error tables, Terway's errors.go) to CloudError
 * kinds. First matching rule wins; an unknown code is transient.
 */
import type { CloudErrorKind } from '../cloud-error.js';

const RULES: [RegExp, CloudErrorKind][] = [
  // A package the pod named that does not exist is the user's mistake, not a vanished resource.
  [/^InvalidBandwidthPackageId\.NotFound$/, 'invalid-request'],
  [/^(InvalidAllocationId\.NotFound|InvalidInstanceId\.NotFound|InvalidPrivateIpAddress\.NotFound|InvalidResourceId\.NotFound|InvalidEipId\.NotFound)$/, 'not-found'],
  [/^Throttling/, 'throttled'],
  [
    /^(TaskConflict|IncorrectEipStatus|IncorrectInstanceStatus|IncorrectStatus|OperationConflict|OperationFailed\.LastTokenProcessing|InvalidAssociation\.Duplicated)/,
    'conflict',
  ],
  [/^(QuotaExceeded|InsufficientBalance|OperationFailed\.NotEnoughIp)/, 'quota'],
  [/^Forbidden\.ChargeTypeIsPrepaid$/, 'invalid-request'],
  [
    /^(Forbidden|Forbbiden|NoPermission|InvalidAccessKeyId|InvalidAccessKeySecret|SignatureDoesNotMatch|IncompleteSignature|InvalidSecurityToken|InvalidCredentials|InvalidTimeStamp)/,
    'auth',
  ],
  [/^(Invalid|Missing|Unsupported|OperationUnsupported|SizeLimitExceeded|IllegalParam)/, 'invalid-request'],
];

export function classifyAlibabaCode(code: string): CloudErrorKind {
  return RULES.find(([pattern]) => pattern.test(code))?.[1] ?? 'transient';
}
