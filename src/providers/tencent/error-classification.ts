/**
 * Tencent VPC 2017-03-12 error codes as data, one table per action podeip calls. Each table lists
 * exactly the codes the vendor documents for the action: tencentcloud-sdk-go 144f6c8
 * `tencentcloud/vpc/v20170312/client.go` ("可能返回的错误码" of each action; meanings in `errors.go`),
 * the same lists as the API pages, e.g. https://www.tencentcloud.com/document/api/215/16700 (AssociateAddress).
 * Common codes: https://cloud.tencent.com/document/product/1388/114322 (a sub-code such as
 * `InvalidParameterValue.X` refines its common family). `MissingCredentials` is podeip's own.
 * Sources and counts: hack/cloud/tencent/README.md "Error tables".
 */
import { classifyByTables, KIND, MISSING_CREDENTIALS, type CodeClassification, type ErrorTables } from '../cloud-error.js';

const { I, C, N, Q, B, L, T, A, R } = KIND;

/** https://www.tencentcloud.com/document/api/215/16699 */
const ALLOCATE_ADDRESSES = {
  AddressQuotaLimitExceeded: Q,
  'AddressQuotaLimitExceeded.DailyAllocate': Q,
  'FailedOperation.BalanceInsufficient': Q,
  'FailedOperation.InvalidRegion': I,
  'InvalidAccount.NotSupported': I,
  'InvalidAddressId.Blocked': L,
  InvalidParameterConflict: I,
  'InvalidParameterValue.AddressAttacked': I,
  'InvalidParameterValue.AddressIpNotAvailable': I,
  'InvalidParameterValue.BandwidthOutOfRange': I,
  'InvalidParameterValue.BandwidthPackageIdMalformed': I,
  'InvalidParameterValue.BandwidthPackageNotFound': I,
  'InvalidParameterValue.BandwidthTooSmall': I,
  'InvalidParameterValue.Combination': I,
  'InvalidParameterValue.InstanceIdMalformed': I,
  'InvalidParameterValue.InvalidDedicatedClusterId': I,
  'InvalidParameterValue.InvalidEgress': I,
  'InvalidParameterValue.InvalidTag': I,
  'InvalidParameterValue.MixedAddressIpSetType': I,
  'InvalidParameterValue.Range': I,
  'InvalidParameterValue.ResourceIdMalformed': I,
  'InvalidParameterValue.ResourceNotSupport': I,
  'InvalidParameterValue.TagNotExisted': I,
  'InvalidParameterValue.UnavailableZone': I,
  'InvalidParameterValue.UnsupportedEgress': I,
  'LimitExceeded.BandwidthPackageQuota': Q,
  'LimitExceeded.BandwidthPackageResourceQuota': Q,
  'LimitExceeded.MonthlyAddressRecoveryQuota': Q,
  'LimitExceeded.TagQuota': Q,
  ResourceInsufficient: Q,
  'UnauthorizedOperation.AnycastEip': A,
  'UnauthorizedOperation.InvalidAccount': A,
  'UnsupportedOperation.AccountNotSupported': I,
  'UnsupportedOperation.ActionNotFound': I,
  'UnsupportedOperation.BandwidthPackageIdNotSupported': I,
  // 发货失败 (the order was not delivered): a later try can succeed.
  'UnsupportedOperation.DeliveryFailed': T,
  'UnsupportedOperation.InstanceStateNotSupported': C,
  'UnsupportedOperation.InvalidAction': I,
  'UnsupportedOperation.NotSupportedPurchaseCenterEgressResource': I,
  'UnsupportedOperation.OfflineChargeType': I,
  'UnsupportedOperation.UnsupportedRegion': I,
} as const;

/** https://www.tencentcloud.com/document/api/215/16702 */
const DESCRIBE_ADDRESSES = {
  InvalidParameter: I,
  'InvalidParameter.InvalidFilter': I,
  'InvalidParameterValue.AddressIdMalformed': I,
  'InvalidParameterValue.InvalidDedicatedClusterId': I,
  'InvalidParameterValue.LimitExceeded': I,
  'InvalidParameterValue.NetworkInterfaceIdMalformed': I,
  'InvalidParameterValue.ResourceIdMalformed': I,
  // Too many filters in one request: the request's shape, not an account quota.
  'LimitExceeded.NumberOfFilters': I,
  RequestLimitExceeded: R,
  UnsupportedOperation: I,
} as const;

/**
 * https://www.tencentcloud.com/document/api/215/16700. The ENI, instance or binding changed under
 * podeip (instance stopped or migrating, address bound to another ENI, IP moved): conflict, the
 * cached ENI is looked up again (see `tencentCodeMeansTargetChanged`).
 */
const ASSOCIATE_ADDRESS = {
  'FailedOperation.AddressEniInfoNotFound': N,
  'FailedOperation.TaskFailed': T,
  'InvalidAccount.NotSupported': I,
  'InvalidAddressId.Blocked': L,
  'InvalidAddressId.NotFound': N,
  'InvalidInstanceId.AlreadyBindEip': C,
  'InvalidInstanceId.NotFound': N,
  'InvalidNetworkInterfaceId.NotFound': N,
  'InvalidParameter.Conflict': I,
  InvalidParameterConflict: I,
  'InvalidParameterValue.AddressIdMalformed': I,
  'InvalidParameterValue.AddressNotApplicable': I,
  'InvalidParameterValue.AddressNotFound': N,
  'InvalidParameterValue.Combination': I,
  'InvalidParameterValue.InstanceDoesNotSupportAnycast': I,
  'InvalidParameterValue.InstanceDoesNotSupportEipVisibleOnEni': I,
  'InvalidParameterValue.InstanceHasNoWanIP': I,
  'InvalidParameterValue.InstanceHasWanIP': I,
  'InvalidParameterValue.InstanceIdMalformed': I,
  'InvalidParameterValue.InstanceNoWanIP': I,
  'InvalidParameterValue.InstanceNormalPublicIpBlocked': I,
  'InvalidParameterValue.InstanceNotMatchAssociateEni': C,
  'InvalidParameterValue.InstanceVpcDoesNotSupportEipVisibleOnEni': I,
  'InvalidParameterValue.InvalidInstanceInternetChargeType': I,
  'InvalidParameterValue.InvalidInstanceState': C,
  'InvalidParameterValue.LBAlreadyBindEip': C,
  'InvalidParameterValue.MissingAssociateEntity': I,
  'InvalidParameterValue.NetworkInterfaceIdNotMatch': C,
  'InvalidParameterValue.NetworkInterfaceNotFound': N,
  'InvalidParameterValue.PrivateIpAddressDoesNotSupportEipVisibleOnEni': I,
  'InvalidParameterValue.PrivateIpAddressNotMatch': C,
  'InvalidParameterValue.ResourceNotSupport': I,
  'InvalidPrivateIpAddress.AlreadyBindEip': C,
  'LimitExceeded.InstanceAddressQuota': Q,
  MissingParameter: I,
  // In arrears: billing, surfaced and retried slowly until the account is topped up.
  'OperationDenied.AddressInArrears': B,
  'OperationDenied.MutexTaskRunning': C,
  RequestLimitExceeded: R,
  'UnsupportedOperation.ActionNotFound': I,
  'UnsupportedOperation.AddressIpNotSupportInstance': I,
  'UnsupportedOperation.AddressStatusNotPermit': C,
  'UnsupportedOperation.IncorrectAddressResourceType': I,
  'UnsupportedOperation.InstanceStateNotSupported': C,
  'UnsupportedOperation.InstanceStatusNotPermit': C,
  'UnsupportedOperation.InvalidAction': I,
  'UnsupportedOperation.InvalidAddressInternetChargeType': I,
  'UnsupportedOperation.IspNotSupported': I,
} as const;

/** https://www.tencentcloud.com/document/api/215/16703 */
const DISASSOCIATE_ADDRESS = {
  'AddressQuotaLimitExceeded.DailyAllocate': Q,
  // The binding's ENI or the instance's primary ENI is being changed: re-read and retry.
  'FailedOperation.AddressEniInfoNotFound': C,
  'FailedOperation.MasterEniNotFound': C,
  'FailedOperation.TaskFailed': T,
  'InvalidAddressId.Blocked': L,
  'InvalidAddressId.NotFound': N,
  'InvalidAddressIdStatus.NotPermit': C,
  'InvalidInstance.NotSupported': I,
  'InvalidInstanceId.NotFound': N,
  InvalidParameter: I,
  'InvalidParameterValue.AddressIdMalformed': I,
  'InvalidParameterValue.AddressNotFound': N,
  'InvalidParameterValue.InstanceIdMalformed': I,
  'InvalidParameterValue.OnlySupportedForMasterNetworkCard': I,
  'InvalidParameterValue.ResourceNotSupport': I,
  'OperationDenied.MutexTaskRunning': C,
  'UnsupportedOperation.ActionNotFound': I,
  'UnsupportedOperation.AddressStatusNotPermit': C,
  'UnsupportedOperation.InstanceStateNotSupported': C,
  'UnsupportedOperation.InvalidAction': I,
} as const;

/** https://www.tencentcloud.com/document/api/215/16705 */
const RELEASE_ADDRESSES = {
  'FailedOperation.TaskFailed': T,
  'InvalidAddressId.NotFound': N,
  InvalidAddressState: C,
  'InvalidParameterValue.AddressIdMalformed': I,
  'InvalidParameterValue.AddressInternetChargeTypeConflict': I,
  'InvalidParameterValue.AddressNotFound': N,
  'InvalidParameterValue.AddressTypeConflict': I,
  'LimitExceeded.AccountReturnQuota': Q,
  'OperationDenied.AddressDeletionProtectionEnabled': I,
  'OperationDenied.MutexTaskRunning': C,
  'UnsupportedOperation.AddressStatusNotPermit': C,
  'UnsupportedOperation.UnpaidOrderAlreadyExists': Q,
} as const;

/** client.go DescribeNetworkInterfaces (no per-action page id recorded in the reference) */
const DESCRIBE_NETWORK_INTERFACES = {
  'InternalError.ModuleError': T,
  'InvalidParameter.Coexist': I,
  'InvalidParameter.FilterInvalidKey': I,
  'InvalidParameter.FilterNotDict': I,
  'InvalidParameter.FilterValuesNotList': I,
  'InvalidParameterValue.LimitExceeded': I,
  'InvalidParameterValue.Malformed': I,
  'InvalidParameterValue.Range': I,
  'LimitExceeded.ActionLimited': R,
  ResourceNotFound: N,
  UnsupportedOperation: I,
} as const;

/** client.go DescribeTaskResult */
const DESCRIBE_TASK_RESULT = {
  'FailedOperation.TaskFailed': T,
  InternalServerError: T,
  InvalidParameter: I,
  MissingParameter: I,
} as const;

/**
 * Tag 2018-08-13 (tencentcloud-sdk-go `tencentcloud/tag/v20180813/client.go`): the codes UnTagResources
 * lists, which TagResources lists too. The same codes answer a resource in `FailedResources`.
 */
const UN_TAG_RESOURCES = {
  'AuthFailure.UnauthorizedOperation': A,
  FailedOperation: T,
  // Another tag change on the resource is under way.
  'FailedOperation.ResourceTagProcessing': C,
  InvalidParameter: I,
  'InvalidParameter.ReservedTagKey': I,
  'InvalidParameter.Tag': I,
  'InvalidParameterValue.ResourceDescriptionError': I,
  'InvalidParameterValue.TagKeyCharacterIllegal': I,
  'InvalidParameterValue.TagKeyDuplicate': I,
  'InvalidParameterValue.TagKeyEmpty': I,
  'InvalidParameterValue.TagKeyLengthExceeded': I,
  'InvalidParameterValue.TagValueCharacterIllegal': I,
  'LimitExceeded.ResourceNumPerRequest': I,
  'LimitExceeded.TagNumPerRequest': I,
} as const;

/** https://www.tencentcloud.com/document/api/651/46533: UnTagResources' codes and those about tag values and services. */
const TAG_RESOURCES = {
  ...UN_TAG_RESOURCES,
  'InvalidParameter.UnsupportedService': I,
  'InvalidParameterValue.TagValueEmpty': I,
  'InvalidParameterValue.TagValueLengthExceeded': I,
  'LimitExceeded.TagValue': Q,
} as const;

/** https://cloud.tencent.com/document/product/1388/114322 and the RequestLimitExceeded sub-codes of the API 3.0 common errors. */
const COMMON = {
  'AuthFailure.InvalidAuthorization': A,
  'AuthFailure.InvalidSecretId': A,
  'AuthFailure.MFAFailure': A,
  'AuthFailure.SecretIdNotFound': A,
  'AuthFailure.SignatureExpire': A,
  'AuthFailure.SignatureFailure': A,
  'AuthFailure.TokenFailure': A,
  'AuthFailure.UnauthorizedOperation': A,
  ActionOffline: I,
  DryRunOperation: I,
  FailedOperation: T,
  InternalError: T,
  InvalidAction: I,
  InvalidParameter: I,
  InvalidParameterValue: I,
  InvalidRequest: I,
  IpInBlacklist: A,
  IpNotInWhitelist: A,
  LimitExceeded: Q,
  'LimitExceeded.ActionLimited': R,
  MissingParameter: I,
  NoSuchProduct: I,
  NoSuchVersion: I,
  RequestLimitExceeded: R,
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded': R,
  'RequestLimitExceeded.IPLimitExceeded': R,
  'RequestLimitExceeded.UinLimitExceeded': R,
  RequestSizeLimitExceeded: I,
  ResourceInUse: C,
  ResourceInsufficient: Q,
  ResourceNotFound: N,
  ResourceUnavailable: T,
  ResponseSizeLimitExceeded: T,
  ServiceUnavailable: T,
  UnauthorizedOperation: A,
  UnknownParameter: I,
  UnsupportedOperation: I,
  UnsupportedProtocol: I,
  UnsupportedRegion: I,
  [MISSING_CREDENTIALS]: A,
} as const;

export const TENCENT_ERROR_TABLES: ErrorTables = {
  perAction: {
    AllocateAddresses: ALLOCATE_ADDRESSES,
    DescribeAddresses: DESCRIBE_ADDRESSES,
    AssociateAddress: ASSOCIATE_ADDRESS,
    DisassociateAddress: DISASSOCIATE_ADDRESS,
    ReleaseAddresses: RELEASE_ADDRESSES,
    DescribeNetworkInterfaces: DESCRIBE_NETWORK_INTERFACES,
    DescribeTaskResult: DESCRIBE_TASK_RESULT,
    TagResources: TAG_RESOURCES,
    UnTagResources: UN_TAG_RESOURCES,
  },
  common: COMMON,
  // The common codes' sub-codes (1388/114322: "the common error code is the part before the dot").
  families: [
    ['AuthFailure.', A],
    ['UnauthorizedOperation.', A],
    ['RequestLimitExceeded.', R],
    ['LimitExceeded.', Q],
    ['InvalidParameter', I],
    ['MissingParameter.', I],
    ['UnknownParameter.', I],
    ['UnsupportedOperation.', I],
    ['OperationDenied.', I],
    ['ResourceNotFound.', N],
    ['ResourceInUse.', C],
    ['ResourceInsufficient.', Q],
    ['ResourceUnavailable.', T],
    ['FailedOperation.', T],
    ['InternalError.', T],
  ],
};

export function classifyTencentCode(action: string, code: string): CodeClassification {
  return classifyByTables(TENCENT_ERROR_TABLES, action, code);
}

/**
 * Codes that blame an address id the request names: DescribeAddresses fails as a whole on one
 * malformed id (an unknown well-formed one is just absent); Associate / Disassociate / Release
 * answer an unknown one with not-found.
 */
const ID_CODES = new Set(['InvalidParameterValue.AddressIdMalformed', 'InvalidAddressId.NotFound', 'InvalidParameterValue.AddressNotFound']);

export function tencentCodeConcernsIds(code: string): boolean {
  return ID_CODES.has(code);
}

/** After such a refusal the pod IP → ENI mapping is looked up again: the ENI, its instance or the IP's place changed. */
const TARGET_CHANGED_CODES = new Set([
  'FailedOperation.AddressEniInfoNotFound',
  'InvalidInstanceId.NotFound',
  'InvalidNetworkInterfaceId.NotFound',
  'InvalidParameterValue.InstanceNotMatchAssociateEni',
  'InvalidParameterValue.NetworkInterfaceIdNotMatch',
  'InvalidParameterValue.NetworkInterfaceNotFound',
  'InvalidParameterValue.PrivateIpAddressNotMatch',
]);

export function tencentCodeMeansTargetChanged(code: string): boolean {
  return TARGET_CHANGED_CODES.has(code);
}
