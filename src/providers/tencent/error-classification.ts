/**
 * Tencent VPC error codes to CloudError kinds (reference §2.6: tencentcloud-sdk-go
 * `vpc/v20170312/client.go` per-action lists and `errors.go`; common codes: TC-API 1388/114322).
 * First matching rule wins; `MissingCredentials` is podeip's own (no credentials to sign with).
 */
import { MISSING_CREDENTIALS, type CloudErrorKind } from '../cloud-error.js';

const RULES: [RegExp, CloudErrorKind][] = [
  [/^(InvalidAddressId\.NotFound|InvalidParameterValue\.AddressNotFound|ResourceNotFound|InvalidNetworkInterfaceId\.NotFound|InvalidParameterValue\.NetworkInterfaceNotFound)$/, 'not-found'],
  [/^RequestLimitExceeded/, 'throttled'],
  [
    /^(OperationDenied\.MutexTaskRunning|InvalidAddressIdStatus\.NotPermit|UnsupportedOperation\.AddressStatusNotPermit|InvalidAddressState|InvalidPrivateIpAddress\.AlreadyBindEip|InvalidInstanceId\.AlreadyBindEip|ResourceInUse)$/,
    'conflict',
  ],
  [/^(AddressQuotaLimitExceeded|LimitExceeded|ResourceInsufficient|FailedOperation\.BalanceInsufficient)/, 'quota'],
  [new RegExp(`^(AuthFailure|UnauthorizedOperation|${MISSING_CREDENTIALS}$)`), 'auth'],
  [
    /^(InvalidParameter|MissingParameter|UnknownParameter|UnsupportedOperation|InvalidAccount|InvalidAction|NoSuchVersion|OperationDenied|InvalidAddressId\.Blocked|InvalidPrivateIpAddress)/,
    'invalid-request',
  ],
];

/**
 * Codes that blame an address id the request names: DescribeAddresses fails as a whole on one
 * malformed id (an unknown well-formed one is just absent); Associate / Disassociate / Release
 * answer an unknown one with not-found.
 */
const ID_CODES = new Set(['InvalidParameterValue.AddressIdMalformed', 'InvalidAddressId.NotFound', 'InvalidParameterValue.AddressNotFound']);

export function classifyTencentCode(code: string): CloudErrorKind {
  return RULES.find(([pattern]) => pattern.test(code))?.[1] ?? 'transient';
}

export function tencentCodeConcernsIds(code: string): boolean {
  return ID_CODES.has(code);
}
