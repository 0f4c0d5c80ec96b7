/** Tencent VPC error codes (reference §2.6) to CloudError kinds. First matching rule wins. */
import type { CloudErrorKind } from '../cloud-error.js';

const RULES: [RegExp, CloudErrorKind][] = [
  [/^(InvalidAddressId\.NotFound|InvalidParameterValue\.AddressNotFound|ResourceNotFound|InvalidNetworkInterfaceId\.NotFound|InvalidParameterValue\.NetworkInterfaceNotFound)$/, 'not-found'],
  [/^RequestLimitExceeded/, 'throttled'],
  [
    /^(OperationDenied\.MutexTaskRunning|InvalidAddressIdStatus\.NotPermit|UnsupportedOperation\.AddressStatusNotPermit|InvalidAddressState|InvalidPrivateIpAddress\.AlreadyBindEip|InvalidInstanceId\.AlreadyBindEip|ResourceInUse)$/,
    'conflict',
  ],
  [/^(AddressQuotaLimitExceeded|LimitExceeded|ResourceInsufficient|FailedOperation\.BalanceInsufficient)/, 'quota'],
  [/^(AuthFailure|UnauthorizedOperation)/, 'auth'],
  [
    /^(InvalidParameter|MissingParameter|UnknownParameter|UnsupportedOperation|InvalidAccount|InvalidAction|NoSuchVersion|OperationDenied|InvalidAddressId\.Blocked|InvalidPrivateIpAddress)/,
    'invalid-request',
  ],
];

export function classifyTencentCode(code: string): CloudErrorKind {
  return RULES.find(([pattern]) => pattern.test(code))?.[1] ?? 'transient';
}
