/**
 * Errors as Alibaba Cloud's POP gateway and the VPC/ECS services return them: an HTTP 4xx/5xx status
 * and a JSON body `{RequestId, HostId, Code, Message}` (see README.md for the documentation each code
 * and message follows).
 */
export class AlibabaApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
  }
}

/** Gateway (common) errors, shared by every product. */
export const gatewayErrors = {
  missingAuthorization: () =>
    new AlibabaApiError('IncompleteSignature', 'The request signature does not conform to Aliyun standards.'),
  unknownAccessKey: () => new AlibabaApiError('InvalidAccessKeyId.NotFound', 'Specified access key is not found.', 404),
  signatureMismatch: () =>
    new AlibabaApiError('SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.'),
  malformedTimestamp: () =>
    new AlibabaApiError('InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.'),
  expiredTimestamp: () =>
    new AlibabaApiError('InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.'),
  nonceUsed: () => new AlibabaApiError('SignatureNonceUsed', 'Specified signature nonce was used already.'),
  unsupportedMethod: () => new AlibabaApiError('UnsupportedHTTPMethod', 'This http method not supported.', 403),
  unknownAction: () =>
    new AlibabaApiError('InvalidApi.NotFound', 'Specified api is not found, please check your url and method.', 404),
  unknownParameter: (name: string) =>
    new AlibabaApiError('UnsupportedParameter', `The parameter "${name}" is not supported.`),
  missingParameter: (name: string) =>
    new AlibabaApiError(`Missing${name}`, `${name} is mandatory for this action.`),
  invalidParameter: (name: string) =>
    new AlibabaApiError(`Invalid${name}`, `Specified parameter ${name} is not valid.`),
  throttled: () => new AlibabaApiError('Throttling.User', 'Request was denied due to user flow control.'),
  idempotentParameterMismatch: () =>
    new AlibabaApiError('IdempotentParameterMismatch', 'The request uses the same client token as a previous, but non-identical request.'),
  unknownRegion: () =>
    new AlibabaApiError('InvalidRegionId.NotFound', 'The specified RegionId does not exist in our records.', 404),
};

/** VPC EIP and bandwidth-package errors. */
export const eipErrors = {
  notFound: () => new AlibabaApiError('InvalidAllocationId.NotFound', 'Specified allocation ID is not found', 404),
  incorrectStatus: () =>
    new AlibabaApiError('IncorrectEipStatus', 'Current elastic IP status does not support this operation.'),
  taskConflict: () =>
    new AlibabaApiError('TaskConflict', 'The eip operate too frequent, please wait a moment and try again.'),
  quotaExceeded: () => new AlibabaApiError('QuotaExceeded.Eip', 'Elastic IP address quota exceeded'),
  duplicatedAssociation: () =>
    new AlibabaApiError('InvalidAssociation.Duplicated', 'Specified private IP address already has an association.'),
  instanceNotFound: () => new AlibabaApiError('InvalidInstanceId.NotFound', 'Specified instance does not exist.'),
  privateIpNotFound: () =>
    new AlibabaApiError('InvalidPrivateIpAddress.NotFound', 'Specified private IP address is not found on the instance.'),
  unsupportedInstanceType: () =>
    new AlibabaApiError('InvalidInstanceType.ValueNotSupported', 'The specified value of InstanceType is not supported.'),
  bandwidthPackageNotFound: () =>
    new AlibabaApiError('InvalidBandwidthPackageId.NotFound', 'The specified BandwidthPackageId does not exist in our records.', 404),
  ipNotInBandwidthPackage: () =>
    new AlibabaApiError('OperationUnsupported.IpNotInCbwp', 'The specified IP is not in the common bandwidth package.'),
  ipAlreadyInBandwidthPackage: () =>
    new AlibabaApiError('OperationUnsupported.EipInCbwp', 'The specified EIP is already in a common bandwidth package.'),
  tooManyTags: () => new AlibabaApiError('SizeLimitExceeded.TagNum', 'The number of tags exceeds the limit of 20.'),
  invalidTagKey: () => new AlibabaApiError('InvalidTagKey', 'The tag key is invalid: 1 to 128 characters, not starting with aliyun or acs:.'),
  invalidTagValue: () => new AlibabaApiError('InvalidTagValue', 'The tag value is invalid: 1 to 128 characters.'),
};
