/**
 * An error as Tencent Cloud API 3.0 returns it: HTTP 200 with `Response.Error {Code, Message}`.
 * Codes follow the common error list (cloud.tencent.com/document/product/1388/114322) and the VPC
 * per-API lists (tencentcloud-sdk-go vpc/v20170312 client.go, errors.go); see README.md.
 */
export class TencentApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const error = (code: string, message: string) => new TencentApiError(code, message);

export const commonErrors = {
  invalidAuthorization: (detail: string) =>
    error('AuthFailure.InvalidAuthorization', `Authorization header is not in the Tencent Cloud format: ${detail}.`),
  secretIdNotFound: () =>
    error('AuthFailure.SecretIdNotFound', 'The SecretId is not found, please ensure that your SecretId is correct.'),
  signatureFailure: () =>
    error(
      'AuthFailure.SignatureFailure',
      'The provided credentials could not be validated. Please check your signature is correct.',
    ),
  signatureExpire: () =>
    error(
      'AuthFailure.SignatureExpire',
      'Signature expired. Timestamp and server time cannot differ by more than 5 minutes.',
    ),
  tokenFailure: () => error('AuthFailure.TokenFailure', 'Token verification failed.'),
  missingParameter: (name: string) =>
    error('MissingParameter', `The request is missing a required parameter \`${name}\`.`),
  unknownParameter: (name: string) => error('UnknownParameter', `The parameter \`${name}\` is not recognized.`),
  invalidParameter: (message: string) => error('InvalidParameter', message),
  invalidParameterValue: (message: string, code = 'InvalidParameterValue') => error(code, message),
  invalidAction: (action: string) => error('InvalidAction', `The requested action \`${action}\` does not exist.`),
  noSuchVersion: (version: string) =>
    error('NoSuchVersion', `The requested version \`${version}\` of service \`vpc\` does not exist.`),
  unsupportedRegion: (region: string) =>
    error('UnsupportedRegion', `The action does not support region \`${region}\`.`),
  unsupportedProtocol: (detail: string) => error('UnsupportedProtocol', detail),
  requestLimitExceeded: (action: string) =>
    error('RequestLimitExceeded', `Your current request times (action ${action}) exceed the limit.`),
  internalError: () => error('InternalError', 'An internal error has occurred. Please retry your request.'),
};

export const addressErrors = {
  malformedId: (id: string) =>
    error('InvalidParameterValue.AddressIdMalformed', `The AddressId \`${id}\` is malformed.`),
  notFound: (id: string) => error('InvalidAddressId.NotFound', `The specified AddressId \`${id}\` does not exist.`),
  quotaExceeded: (quota: number) =>
    error('AddressQuotaLimitExceeded', `Each account can own at most ${quota} EIPs in this region.`),
  dailyAllocateExceeded: (limit: number) =>
    error('AddressQuotaLimitExceeded.DailyAllocate', `Each account can apply for at most ${limit} EIPs a day.`),
  mutexTaskRunning: (id: string) =>
    error('OperationDenied.MutexTaskRunning', `A task on \`${id}\` is still running. Please retry later.`),
  associateStatusNotPermit: (id: string, status: string) =>
    error('UnsupportedOperation.AddressStatusNotPermit', `The address \`${id}\` in status ${status} cannot be bound.`),
  disassociateStatusNotPermit: (id: string, status: string) =>
    error('InvalidAddressIdStatus.NotPermit', `The address \`${id}\` in status ${status} cannot be unbound.`),
  releaseStatusNotPermit: (id: string, status: string) =>
    error('InvalidAddressState', `The address \`${id}\` in status ${status} cannot be released.`),
  parameterConflict: () =>
    error('InvalidParameterConflict', 'An EIP can be bound to either an instance or a private IP of an ENI, not both.'),
  missingAssociateEntity: () =>
    error('InvalidParameterValue.MissingAssociateEntity', 'The entity to bind the address to is missing.'),
  malformedNetworkInterfaceId: (id: string) =>
    error('InvalidParameterValue.NetworkInterfaceIdMalformed', `The NetworkInterfaceId \`${id}\` is malformed.`),
  networkInterfaceNotFound: (id: string, ip: string) =>
    error(
      'InvalidNetworkInterfaceId.NotFound',
      `The network interface \`${id}\` does not exist or does not hold the private IP ${ip}.`,
    ),
  privateIpAlreadyBound: (ip: string) =>
    error('InvalidPrivateIpAddress.AlreadyBindEip', `The private IP ${ip} is already bound to an EIP.`),
  malformedInstanceId: (id: string) =>
    error('InvalidParameterValue.InstanceIdMalformed', `The InstanceId \`${id}\` is malformed.`),
  instanceNotFound: (id: string) => error('InvalidInstanceId.NotFound', `The instance \`${id}\` does not exist.`),
  instanceAlreadyBound: (id: string) =>
    error('InvalidInstanceId.AlreadyBindEip', `The instance \`${id}\` is already bound to an EIP.`),
  networkInterfaceNotMatch: (id: string, boundTo: string) =>
    error('InvalidParameterValue.NetworkInterfaceIdNotMatch', `The address \`${id}\` is bound to the network interface \`${boundTo}\`.`),
  privateIpNotMatch: (id: string, boundTo: string) =>
    error('InvalidParameterValue.PrivateIpAddressNotMatch', `The address \`${id}\` is bound to the private IP ${boundTo}.`),
  instanceNotMatch: (id: string, boundTo: string) =>
    error('InvalidParameterValue.InstanceNotMatchAssociateEni', `The address \`${id}\` is bound to the instance \`${boundTo}\`.`),
  taskNotFound: (id: number) => error('InvalidParameter', `The task \`${id}\` does not exist.`),
};
