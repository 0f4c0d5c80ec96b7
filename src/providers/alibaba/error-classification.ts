/**
 * Alibaba Cloud error codes as data, one table per action podeip calls, each listing the codes of
 * the action's "Error codes" section on its API page (URL above each table; read 2026-11 from the
 * vendor's English API reference). Common codes: the OpenAPI common error-code tables
 * (https://api.alibabacloud.com/document/Vpc/2016-04-28/errorCode), Terway v1.6.4
 * `pkg/aliyun/client/errors`, terraform-provider-alicloud retry lists. `MissingCredentials` is
 * podeip's own. Sources and counts: hack/cloud/alibaba/README.md "Error tables".
 */
import { classifyByTables, KIND, MISSING_CREDENTIALS, type CodeClassification, type ErrorTables } from '../cloud-error.js';

const { I, C, N, Q, B, L, T, A, R } = KIND;

/** https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-allocateeipaddress */
const ALLOCATE_EIP_ADDRESS = {
  COMMODITY_NO_EXIST: I,
  'QuotaExceeded.Eip': Q,
  InvalidParameter: I,
  InsufficientBalance: Q,
  ReserveIpFail: T,
  'InvalidRegion.NotSupport': I,
  'InvalidBandwidth.Malformed': I,
  INSTANCE_TYPE_NOT_SUPPORT: I,
  'QueryParameter.Illegal': I,
  'TokenVerfiy.Failed': I,
  OrderFailed: T,
  'QuotaExceeded.LargeSpecEip': Q,
  InvalidResourceGroupId: I,
  'PAYFOR.CREDIT_PAY_INSUFFICIENT_BALANCE': Q,
  'SYSTEM.SALE_VALIDATE_UNEXPECTED_ERROR': Q,
  Trade_Sync_Create_Sub_ERROR: T,
  'InvalidComponent.EipBandwidthMax': I,
  'OperationFailed.RiskControl': Q,
  'OperationFailed.SaleValidate': Q,
  'IllegalParam.OrderParamComponent': I,
  'OperationFailed.SaleExpression': T,
  'OperationFailed.CompleteUserInfo': Q,
  'OperationFailed.QueryPrice': T,
  'OperationFailed.InsufficientEIP': Q,
  'OperationFailed.InvokeInnerApi': T,
  'OperationFailed.AccountMoneyInvalid': Q,
  'OperationFailed.QueryCredtiInfo': T,
  // "eip frequent purchase": slow down, as for Throttling.
  'FrequentPurchase.EIP': R,
  'OperationFailed.QueryUserLabel': T,
  'PAY.INSUFFICIENT_BALANCE': Q,
  'ORDER.QUANTITY_INVALID': Q,
  'PAY.MAYI_WITHHOLDING_AGREEMENT_ILLEGAL': Q,
  'OrderError.EIP': T,
  'IellgalParameter.OwnerAccount': I,
  'ResourceNotFound.PublicIpAddressPool': I,
  'ResourceNotEnough.PublicIpAddressPool': Q,
  'Mismatch.IpAndPublicIpAddressPool': I,
  CreditPayInsufficientBalance: Q,
  'OperationDenied.NotOpenDdosOriginProtectService': I,
  'IncorrectStatus.PublicIpAddressPool': C,
  'IllegalParam.Isp': I,
  AccountMoneyValidateError: Q,
  'OrderFailed.ConcurrentOperate': C,
  'OperationFailed.BasicInfoUncompleted': Q,
  'OperationFailed.QuotaNotEnough': Q,
  'ExclusiveParam.ZoneAndPublicIpAddressPoolId': I,
  'IllegalParam.Zone': I,
  'OperationFailed.AllocateUnfamiliarIp': I,
  'Ip.Allocated': I,
  'IncorrectStatus.Ip': I,
  'UnsupportedFeature.AllocateEipAddressWithZone': I,
  'ResourceNotFound.Ip': I,
  'OperationFailed.CreditPayInsufficientBalance': Q,
  'OperationFailed.ResourceNotEnough': Q,
  Forbidden: A,
  'InvalidRegionId.NotFound': I,
  FUWU_BIZ_COMMODITY_VERIFY_FAIL: I,
  OperationConflict: C,
  InternalError: T,
  'OperationFailed.SystemBusy': C,
} as const;

/** https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-describeeipaddresses */
const DESCRIBE_EIP_ADDRESSES = {
  'InvalidIAssociatedInstanceType.ValueNotSupported': I,
  'InvalidChargeType.ValueNotSupported': I,
  InvalidAliuid: I,
  InvalidResourceGroupId: I,
  'InstanceType.Invalid': I,
  'InstanceIdLength.Exceed': I,
  InvalidTagKey: I,
  InvalidTagValue: I,
  'OperationUnsupported.ResourceGroupId': I,
  'IellgalParameter.OwnerAccount': I,
  InvalidFilterValue: I,
  'Forbidden.RegionNotFound': I,
  'InvalidFilterKey.NotFound': I,
  'InvalidLockReason.NotFound': I,
} as const;

/**
 * https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-associateeipaddress
 * "Try again later" although some start with `Invalid` (the ENI, instance or binding is changing):
 * conflict. The instance or ENI does not exist: not-found, and the cached ENI is looked up again.
 */
const ASSOCIATE_EIP_ADDRESS = {
  'InvalidAssociation.Duplicated': C,
  OperationDenied: I,
  'InvalidParameter.Mismatch': I,
  IncorrectEipStatus: C,
  IncorrectInstanceStatus: C,
  'InvalidInstanceType.ValueNotSupported': I,
  IncorrectHaVipStatus: C,
  InvalidParameter: I,
  TaskConflict: C,
  InvalidBindingStatus: C,
  BIND_INSTANCE_HAVE_PORTMAP_OR_BIND_EIP: C,
  EIP_CAN_NOT_ASSOCIATE_WITH_PUBLIC_IP: I,
  BIND_INSTANCE_OWENER_ERROR: A,
  NATGATEWAY_FINANCIALLOCKED: Q,
  'InvalidParameter.InstanceTypeNotSupport': I,
  'QuotaExceeded.NumberOfTrafficEip': Q,
  'QuotaExceeded.NumberOfEip': Q,
  'Forbidden.EipCanNotBindGatgw': I,
  // "unfinished Eip configuration modification": passes once the modification settles.
  'InvalidAction.Denied': C,
  'InstanceType.NotSupport': I,
  'InvalidParams.NotFound': N,
  'BindInstance.NotSupported': I,
  'Forbidden.InstanceBandwidthNotZero': I,
  'ServerRegion.Invalid': I,
  'Eni.Attached': I,
  'Eni.HasSubIp': I,
  'Invalid.DirectEip.BindType': I,
  'InvalidStatus.EcsStatusNotSupport': C,
  'Invalid.Function.NotSupported': I,
  'InvalidStatus.EniStatusNotSupport': C,
  'InvalidParameter.EniInstanceId': I,
  'InvalidNexthop.DirectEni': I,
  'Mode.Conflict': I,
  'Mode.NotSupport': I,
  'QuotaExceed.MultiBindedEip': Q,
  // The EIP is locked (OperationLocks `security`): surfaced, retried slowly.
  'InvalidEIPStatus.BizDisabled': L,
  'OperationFailed.EniSubIp': I,
  'InvalidEip.EipQuotaExceeded': Q,
  'OperationFailed.QueryCommodityInfo': T,
  'OperationUnsupported.MultiIp': I,
  'InvalidNicOrVm.NotFound': N,
  'OperationUnsupported.EipBindModel': I,
  'IncorrectStatus.NatGateway': C,
  'EipBindRemote.BackendRegionMustBeSingle': I,
  'InvalidParameter.BindingInstanceRegion': I,
  'OperationFailed.HavipBoundPortmap': I,
  'IllegalParam.Mode': I,
  'InvalidStatus.NotAllow': C,
  'InvalidInstance.NotExist': N,
  // A package the pod named that does not exist is the user's mistake, not a vanished resource.
  'InvalidBandwidthPackageId.NotFound': I,
  ResourceQueryError: T,
  'InvalidStatus.InstanceHasBandWidth': C,
  'OperationDenied.CloudBoxResourceExist': I,
  'OperationDenied.CloudBoxVSwitchExist': I,
  'OperationDenied.NoAvailablePrivateIp': Q,
  UnsupportedRegion: I,
  'ResourceAlreadyAssociated.IpAddress': C,
  'OperationFailed.Ipv4GatewayNotOpenedInVpc': I,
  'OperationFailed.Ipv4GatewayNotActivatedInVpc': I,
  'OperationDenied.L2EipBindIpAddress': I,
  Forbidden: A,
  'Forbidden.FinancialLocked': B,
  'UnsupportedFeature.EipBindIpAddress': I,
  'OperationFailed.InstanceNotExist': N,
  'OperationDenied.Ipv4GatewayExist': I,
  'OperationFailed.EipBindModeConflict': I,
  'OperationFailed.EcsMigrating': C,
  'OperationFailed.IpPrefixConflict': I,
  'UnsupportedFeature.EipBindPrefixIp': I,
  'OperationDenied.UnsupportedEipBindMode': I,
  'OperationDenied.Unauthorized': A,
  'OperationFailed.SystemBusy': C,
  'InvalidAllocationId.NotFound': N,
  'InvalidInstanId.NotFound': N,
  'InvalidRegionId.NotFound': I,
  'Forbidden.RegionNotFound': I,
  'OperationDenied.VpcIpv4GatewayEnabled': I,
  ServiceUnavailable: T,
} as const;

/** https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-unassociateeipaddress */
const UNASSOCIATE_EIP_ADDRESS = {
  IncorrectEipStatus: C,
  'InvalidInstanceId.NotFound': N,
  IncorrectInstanceStatus: C,
  'InvalidInstanceType.ValueNotSupported': I,
  IncorrectHaVipStatus: C,
  OperationDenied: I,
  InvalidParameter: I,
  TaskConflict: C,
  InvalidBindingStatus: C,
  'Forbidden.FinancialLocked': B,
  'InvalidIpStatus.HasBeenUsedBySnatTable': I,
  'InvalidIpStatus.HasBeenUsedByForwardEntry': I,
  'Eni.Attached': I,
  'InvalidEIPStatus.BizDisabled': L,
  'InvalidStatus.EcsStatusNotSupport': C,
  'InvalidStatus.EniStatusNotSupport': C,
  'InvalidStatus.SnatOrDnat': C,
  'DependencyViolation.SnatEntry': I,
  'InvalidStatus.NotAllow': C,
  Forbidden: A,
  'InvalidLoadBalancerId.NotFound': N,
  'OperationFailed.SystemBusy': C,
  'InvalidAllocationId.NotFound': N,
  'InvalidBindInstance.NotFound': N,
  'Forbidden.RegionNotFound': I,
} as const;

/** https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-releaseeipaddress */
const RELEASE_EIP_ADDRESS = {
  IncorrectEipStatus: C,
  'Forbidden.ChargeTypeIsPrepaid': I,
  'TaskConflict.AssociateGlobalAccelerationInstance': C,
  'InvalidOperation.DeletionProtection': I,
  'Forbidden.ReleaseSegmentEip': I,
  Forbidden: A,
  'InvalidAllocationId.NotFound': N,
  'Forbidden.RegionNotFound': I,
  InternalError: T,
} as const;

/**
 * TagResources (VPC): the vendor's per-action table is not in the stored corpus; these are the
 * codes of reference §4.3 (tag count, unknown resource) and the tag rules shared with DescribeEipAddresses.
 */
const TAG_RESOURCES = {
  'SizeLimitExceeded.TagNum': I,
  'InvalidResourceId.NotFound': N,
  'InvalidResourceType.NotFound': I,
  InvalidTagKey: I,
  InvalidTagValue: I,
} as const;

/**
 * UnTagResources (VPC, https://www.alibabacloud.com/help/en/vpc/api-untagresources): like TagResources,
 * the per-action table is not in the stored corpus; the codes of the shared tag rules and an unknown resource.
 */
const UN_TAG_RESOURCES = {
  'InvalidResourceId.NotFound': N,
  'InvalidResourceType.NotFound': I,
  InvalidTagKey: I,
} as const;

/** https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-addcommonbandwidthpackageip */
const ADD_COMMON_BANDWIDTH_PACKAGE_IP = {
  'OperationDenied.SecurityProtectionTypesInconsistent': I,
  'IpInstanceId.AlreadyInBandwidthPackage': C,
  'IpInstanceId.BizStatusInvalid': Q,
  'IpInstanceId.ChargeType.NotSupport': I,
  'BandwidthPackageId.InvalidBizStatus': Q,
  'IpInstanceId.QuotaExceeded': Q,
  // "add into bandwidthPackage too frequently. please add later": the TaskConflict of packages.
  'EipOperation.TooFrequently': C,
  TaskConflict: C,
  'IncorrectStatus.Eip': C,
  'OperationUnsupported.IpType': I,
  'ParamExclusive.IpInstanceIdAndBandwidthPackageId': I,
  'InvalidBandwidthPackage.NotExist': I,
  'OperationFailed.DistibuteLock': C,
  'OperationFailed.ZoneIdInconsistent': I,
  'AttrMismatching.BandwidthPackageIpVersion': I,
  'InvalidBandwidthPackageId.NotFound': I,
  // "The InstanceId is not found": here the package's id, which the pod named.
  'InvalidInstanceId.NotFound': I,
  'InvalidEIPStatus.BizDisabled': L,
  'Forbidden.FinancialLocked': B,
  'Mismatch.CloudBoxCbwpZoneAndEipZone': I,
  'MissingParam.BandwidthPackageId': I,
  'InvalidRegionId.NotFound': I,
  'InvalidIpInstanceId.NotFound': N,
  'IpInstanceId.InvalidIpInternetChargeType': I,
  'BandwidthPackageId.InvalidBandwidth': I,
} as const;

/** https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-removecommonbandwidthpackageip */
const REMOVE_COMMON_BANDWIDTH_PACKAGE_IP = {
  'IpInstanceId.NotBandwidthPackage': I,
  'DependencyViolation.ip': I,
  EIP_BIND_NATGATEWAY: I,
  'IncorrectStatus.Eip': C,
  'OperationFailed.SnatPoolIp': I,
  'DependencyViolation.RouteEntry': I,
  'OperationFailed.DistibuteLock': C,
  Trade_Sync_Create_Sub_ERROR: T,
  FAILED_INVOKE_INNER_API: T,
  'InvalidIP.IpInSnatPool': I,
  'InvalidInstanceId.NotFound': I,
  'OperationUnsupported.IpNotInCbwp': I,
  'InvalidIpInstanceId.Malformed': I,
  'OperationUnsupported.EipBindRemote': I,
  'InvalidBandwidthPackageId.NotFound': I,
  'InvalidEIPStatus.BizDisabled': L,
  'Forbidden.FinancialLocked': B,
  'OperationFailed.SystemBusy': C,
  'InvalidRegionId.NotFound': I,
} as const;

/** https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-describenetworkinterfaces */
const DESCRIBE_NETWORK_INTERFACES = {
  MissingParameter: I,
  UnsupportedParameter: I,
  InvalidParameter: I,
  'InvalidInstanceID.Malformed': I,
  'InvalidOperation.InvalidEcsState': C,
  'InvalidOperation.InvalidEniState': C,
  'InvalidOperation.DetachPrimaryEniNotAllowed': I,
  'Forbidden.RegionId': I,
  'InvalidRegionId.MalFormed': I,
  'InvalidUserType.NotSupported': A,
  'Abs.InvalidAccount.NotFound': A,
  'Forbidden.NotSupportRAM': A,
  'Forbidden.SubUser': A,
  MaxEniCountExceeded: Q,
  EniPerInstanceLimitExceeded: Q,
  'InvalidOperation.AvailabilityZoneMismatch': I,
  'InvalidOperation.VpcMismatch': I,
  SecurityGroupInstanceLimitExceed: Q,
  'InvalidSecurityGroupId.NotVpc': I,
  'InvalidOperation.InvalidEniType': I,
  'InvalidVpc.Empty': I,
  'InvalidOperation.InvalidEniPageNumber': I,
  'InvalidVpc.Indeterminacy': I,
  'InvalidEcsId.NotFound': N,
  'InvalidEniId.NotFound': N,
  'InvalidVSwitchId.NotFound': I,
  'InvalidSecurityGroupId.NotFound': I,
} as const;

/**
 * Codes any action may return: signature and credential errors, throttling, server errors
 * (common error-code tables); the ClientToken rule (help.aliyun.com/knowledge_detail/36569); the
 * long-tail codes of reference §4.4 and Terway's `errors.go` that the per-action pages omit.
 */
const COMMON = {
  IncompleteSignature: A,
  'InvalidAccessKeyId.NotFound': A,
  'InvalidAccessKeyId.Inactive': A,
  SignatureDoesNotMatch: A,
  'InvalidTimeStamp.Expired': A,
  'InvalidTimeStamp.Format': A,
  // The SDK signs every try with a fresh nonce.
  SignatureNonceUsed: T,
  'InvalidSecurityToken.Expired': A,
  'InvalidSecurityToken.Malformed': A,
  'InvalidSecurityToken.MismatchWithAccessKey': A,
  InvalidCredentials: A,
  NoPermission: A,
  Forbidden: A,
  'Forbidden.RAM': A,
  Forbbiden: A,
  [MISSING_CREDENTIALS]: A,
  'InvalidApi.NotFound': I,
  UnsupportedParameter: I,
  UnsupportedHTTPMethod: I,
  'InvalidRegionId.NotFound': I,
  IdempotentParameterMismatch: I,
  Throttling: R,
  'Throttling.User': R,
  'Throttling.Api': R,
  InternalError: T,
  ServiceUnavailable: T,
  SystemBusy: T,
  'InvalidInstanceId.NotFound': N,
  'InvalidPrivateIpAddress.NotFound': N,
  'InvalidEipId.NotFound': N,
  // Account-wide: the address is gone, or the account cannot pay, whichever action asked.
  'InvalidAllocationId.NotFound': N,
  InsufficientBalance: Q,
  IncorrectStatus: C,
  OperationConflict: C,
  'OperationFailed.LastTokenProcessing': C,
} as const;

export const ALIBABA_ERROR_TABLES: ErrorTables = {
  perAction: {
    AllocateEipAddress: ALLOCATE_EIP_ADDRESS,
    DescribeEipAddresses: DESCRIBE_EIP_ADDRESSES,
    AssociateEipAddress: ASSOCIATE_EIP_ADDRESS,
    UnassociateEipAddress: UNASSOCIATE_EIP_ADDRESS,
    ReleaseEipAddress: RELEASE_EIP_ADDRESS,
    TagResources: TAG_RESOURCES,
    UnTagResources: UN_TAG_RESOURCES,
    AddCommonBandwidthPackageIp: ADD_COMMON_BANDWIDTH_PACKAGE_IP,
    RemoveCommonBandwidthPackageIp: REMOVE_COMMON_BANDWIDTH_PACKAGE_IP,
    DescribeNetworkInterfaces: DESCRIBE_NETWORK_INTERFACES,
  },
  common: COMMON,
  // The common tables' parameter families (`Missing%s`, `Invalid%s`) and the throttling and conflict families.
  families: [
    ['Throttling', R],
    ['TaskConflict', C],
    ['Incorrect', C],
    ['QuotaExceeded', Q],
    ['InvalidAccessKeyId', A],
    ['InvalidSecurityToken', A],
    ['Missing', I],
    ['Invalid', I],
    ['SizeLimitExceeded', I],
  ],
};

export function classifyAlibabaCode(action: string, code: string): CodeClassification {
  return classifyByTables(ALIBABA_ERROR_TABLES, action, code);
}

/** Codes saying the ENI or instance a binding names does not exist (any more). */
const TARGET_GONE_CODES = new Set([
  'InvalidInstanceId.NotFound',
  'InvalidPrivateIpAddress.NotFound',
  'InvalidParams.NotFound',
  'InvalidInstanId.NotFound',
  'InvalidNicOrVm.NotFound',
  'InvalidInstance.NotExist',
  'OperationFailed.InstanceNotExist',
]);

/** Codes blaming an address id the request names (DescribeEipAddresses just leaves unknown ids out). */
const ID_CODES = new Set(['InvalidAllocationId.NotFound', 'InvalidEipId.NotFound']);

export function alibabaCodeConcernsIds(code: string): boolean {
  return ID_CODES.has(code);
}

/** After such a refusal the pod IP → ENI mapping is looked up again (also after any other complaint about the ENI or the IP). */
export function alibabaCodeMeansTargetGone(code: string): boolean {
  return TARGET_GONE_CODES.has(code) || /^Invalid(InstanceId|PrivateIpAddress)\./.test(code);
}
