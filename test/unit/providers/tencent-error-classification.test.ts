import { classifyTencentCode, TENCENT_ERROR_TABLES, tencentCodeConcernsIds } from '../../../src/providers/tencent/error-classification.js';
import { documentedCases } from './error-table-cases.js';

/**
 * Every code of every Tencent table, each its own case with the kind written out here, so a change
 * to a table fails a named case (tables: src/providers/tencent/error-classification.ts, sources in
 * hack/cloud/tencent/README.md "Error tables").
 */
const EXPECTED: Record<string, Record<string, string>> = {
  AllocateAddresses: {
    AddressQuotaLimitExceeded: 'quota',
    'AddressQuotaLimitExceeded.DailyAllocate': 'quota',
    'FailedOperation.BalanceInsufficient': 'quota',
    'FailedOperation.InvalidRegion': 'invalid-request',
    'InvalidAccount.NotSupported': 'invalid-request',
    'InvalidAddressId.Blocked': 'invalid-request',
    InvalidParameterConflict: 'invalid-request',
    'InvalidParameterValue.AddressAttacked': 'invalid-request',
    'InvalidParameterValue.AddressIpNotAvailable': 'invalid-request',
    'InvalidParameterValue.BandwidthOutOfRange': 'invalid-request',
    'InvalidParameterValue.BandwidthPackageIdMalformed': 'invalid-request',
    'InvalidParameterValue.BandwidthPackageNotFound': 'invalid-request',
    'InvalidParameterValue.BandwidthTooSmall': 'invalid-request',
    'InvalidParameterValue.Combination': 'invalid-request',
    'InvalidParameterValue.InstanceIdMalformed': 'invalid-request',
    'InvalidParameterValue.InvalidDedicatedClusterId': 'invalid-request',
    'InvalidParameterValue.InvalidEgress': 'invalid-request',
    'InvalidParameterValue.InvalidTag': 'invalid-request',
    'InvalidParameterValue.MixedAddressIpSetType': 'invalid-request',
    'InvalidParameterValue.Range': 'invalid-request',
    'InvalidParameterValue.ResourceIdMalformed': 'invalid-request',
    'InvalidParameterValue.ResourceNotSupport': 'invalid-request',
    'InvalidParameterValue.TagNotExisted': 'invalid-request',
    'InvalidParameterValue.UnavailableZone': 'invalid-request',
    'InvalidParameterValue.UnsupportedEgress': 'invalid-request',
    'LimitExceeded.BandwidthPackageQuota': 'quota',
    'LimitExceeded.BandwidthPackageResourceQuota': 'quota',
    'LimitExceeded.MonthlyAddressRecoveryQuota': 'quota',
    'LimitExceeded.TagQuota': 'quota',
    ResourceInsufficient: 'quota',
    'UnauthorizedOperation.AnycastEip': 'auth',
    'UnauthorizedOperation.InvalidAccount': 'auth',
    'UnsupportedOperation.AccountNotSupported': 'invalid-request',
    'UnsupportedOperation.ActionNotFound': 'invalid-request',
    'UnsupportedOperation.BandwidthPackageIdNotSupported': 'invalid-request',
    'UnsupportedOperation.DeliveryFailed': 'transient',
    'UnsupportedOperation.InstanceStateNotSupported': 'conflict',
    'UnsupportedOperation.InvalidAction': 'invalid-request',
    'UnsupportedOperation.NotSupportedPurchaseCenterEgressResource': 'invalid-request',
    'UnsupportedOperation.OfflineChargeType': 'invalid-request',
    'UnsupportedOperation.UnsupportedRegion': 'invalid-request',
  },
  DescribeAddresses: {
    InvalidParameter: 'invalid-request',
    'InvalidParameter.InvalidFilter': 'invalid-request',
    'InvalidParameterValue.AddressIdMalformed': 'invalid-request',
    'InvalidParameterValue.InvalidDedicatedClusterId': 'invalid-request',
    'InvalidParameterValue.LimitExceeded': 'invalid-request',
    'InvalidParameterValue.NetworkInterfaceIdMalformed': 'invalid-request',
    'InvalidParameterValue.ResourceIdMalformed': 'invalid-request',
    'LimitExceeded.NumberOfFilters': 'invalid-request',
    RequestLimitExceeded: 'throttled',
    UnsupportedOperation: 'invalid-request',
  },
  AssociateAddress: {
    'FailedOperation.AddressEniInfoNotFound': 'not-found',
    'FailedOperation.TaskFailed': 'transient',
    'InvalidAccount.NotSupported': 'invalid-request',
    'InvalidAddressId.Blocked': 'invalid-request',
    'InvalidAddressId.NotFound': 'not-found',
    'InvalidInstanceId.AlreadyBindEip': 'conflict',
    'InvalidInstanceId.NotFound': 'not-found',
    'InvalidNetworkInterfaceId.NotFound': 'not-found',
    'InvalidParameter.Conflict': 'invalid-request',
    InvalidParameterConflict: 'invalid-request',
    'InvalidParameterValue.AddressIdMalformed': 'invalid-request',
    'InvalidParameterValue.AddressNotApplicable': 'invalid-request',
    'InvalidParameterValue.AddressNotFound': 'not-found',
    'InvalidParameterValue.Combination': 'invalid-request',
    'InvalidParameterValue.InstanceDoesNotSupportAnycast': 'invalid-request',
    'InvalidParameterValue.InstanceDoesNotSupportEipVisibleOnEni': 'invalid-request',
    'InvalidParameterValue.InstanceHasNoWanIP': 'invalid-request',
    'InvalidParameterValue.InstanceHasWanIP': 'invalid-request',
    'InvalidParameterValue.InstanceIdMalformed': 'invalid-request',
    'InvalidParameterValue.InstanceNoWanIP': 'invalid-request',
    'InvalidParameterValue.InstanceNormalPublicIpBlocked': 'invalid-request',
    'InvalidParameterValue.InstanceNotMatchAssociateEni': 'conflict',
    'InvalidParameterValue.InstanceVpcDoesNotSupportEipVisibleOnEni': 'invalid-request',
    'InvalidParameterValue.InvalidInstanceInternetChargeType': 'invalid-request',
    'InvalidParameterValue.InvalidInstanceState': 'conflict',
    'InvalidParameterValue.LBAlreadyBindEip': 'conflict',
    'InvalidParameterValue.MissingAssociateEntity': 'invalid-request',
    'InvalidParameterValue.NetworkInterfaceIdNotMatch': 'conflict',
    'InvalidParameterValue.NetworkInterfaceNotFound': 'not-found',
    'InvalidParameterValue.PrivateIpAddressDoesNotSupportEipVisibleOnEni': 'invalid-request',
    'InvalidParameterValue.PrivateIpAddressNotMatch': 'conflict',
    'InvalidParameterValue.ResourceNotSupport': 'invalid-request',
    'InvalidPrivateIpAddress.AlreadyBindEip': 'conflict',
    'LimitExceeded.InstanceAddressQuota': 'quota',
    MissingParameter: 'invalid-request',
    'OperationDenied.AddressInArrears': 'quota',
    'OperationDenied.MutexTaskRunning': 'conflict',
    RequestLimitExceeded: 'throttled',
    'UnsupportedOperation.ActionNotFound': 'invalid-request',
    'UnsupportedOperation.AddressIpNotSupportInstance': 'invalid-request',
    'UnsupportedOperation.AddressStatusNotPermit': 'conflict',
    'UnsupportedOperation.IncorrectAddressResourceType': 'invalid-request',
    'UnsupportedOperation.InstanceStateNotSupported': 'conflict',
    'UnsupportedOperation.InstanceStatusNotPermit': 'conflict',
    'UnsupportedOperation.InvalidAction': 'invalid-request',
    'UnsupportedOperation.InvalidAddressInternetChargeType': 'invalid-request',
    'UnsupportedOperation.IspNotSupported': 'invalid-request',
  },
  DisassociateAddress: {
    'AddressQuotaLimitExceeded.DailyAllocate': 'quota',
    'FailedOperation.AddressEniInfoNotFound': 'conflict',
    'FailedOperation.MasterEniNotFound': 'conflict',
    'FailedOperation.TaskFailed': 'transient',
    'InvalidAddressId.Blocked': 'invalid-request',
    'InvalidAddressId.NotFound': 'not-found',
    'InvalidAddressIdStatus.NotPermit': 'conflict',
    'InvalidInstance.NotSupported': 'invalid-request',
    'InvalidInstanceId.NotFound': 'not-found',
    InvalidParameter: 'invalid-request',
    'InvalidParameterValue.AddressIdMalformed': 'invalid-request',
    'InvalidParameterValue.AddressNotFound': 'not-found',
    'InvalidParameterValue.InstanceIdMalformed': 'invalid-request',
    'InvalidParameterValue.OnlySupportedForMasterNetworkCard': 'invalid-request',
    'InvalidParameterValue.ResourceNotSupport': 'invalid-request',
    'OperationDenied.MutexTaskRunning': 'conflict',
    'UnsupportedOperation.ActionNotFound': 'invalid-request',
    'UnsupportedOperation.AddressStatusNotPermit': 'conflict',
    'UnsupportedOperation.InstanceStateNotSupported': 'conflict',
    'UnsupportedOperation.InvalidAction': 'invalid-request',
  },
  ReleaseAddresses: {
    'FailedOperation.TaskFailed': 'transient',
    'InvalidAddressId.NotFound': 'not-found',
    InvalidAddressState: 'conflict',
    'InvalidParameterValue.AddressIdMalformed': 'invalid-request',
    'InvalidParameterValue.AddressInternetChargeTypeConflict': 'invalid-request',
    'InvalidParameterValue.AddressNotFound': 'not-found',
    'InvalidParameterValue.AddressTypeConflict': 'invalid-request',
    'LimitExceeded.AccountReturnQuota': 'quota',
    'OperationDenied.AddressDeletionProtectionEnabled': 'invalid-request',
    'OperationDenied.MutexTaskRunning': 'conflict',
    'UnsupportedOperation.AddressStatusNotPermit': 'conflict',
    'UnsupportedOperation.UnpaidOrderAlreadyExists': 'quota',
  },
  DescribeNetworkInterfaces: {
    'InternalError.ModuleError': 'transient',
    'InvalidParameter.Coexist': 'invalid-request',
    'InvalidParameter.FilterInvalidKey': 'invalid-request',
    'InvalidParameter.FilterNotDict': 'invalid-request',
    'InvalidParameter.FilterValuesNotList': 'invalid-request',
    'InvalidParameterValue.LimitExceeded': 'invalid-request',
    'InvalidParameterValue.Malformed': 'invalid-request',
    'InvalidParameterValue.Range': 'invalid-request',
    'LimitExceeded.ActionLimited': 'throttled',
    ResourceNotFound: 'not-found',
    UnsupportedOperation: 'invalid-request',
  },
  DescribeTaskResult: {
    'FailedOperation.TaskFailed': 'transient',
    InternalServerError: 'transient',
    InvalidParameter: 'invalid-request',
    MissingParameter: 'invalid-request',
  },
};

const COMMON: Record<string, string> = {
  'AuthFailure.InvalidAuthorization': 'auth',
  'AuthFailure.InvalidSecretId': 'auth',
  'AuthFailure.MFAFailure': 'auth',
  'AuthFailure.SecretIdNotFound': 'auth',
  'AuthFailure.SignatureExpire': 'auth',
  'AuthFailure.SignatureFailure': 'auth',
  'AuthFailure.TokenFailure': 'auth',
  'AuthFailure.UnauthorizedOperation': 'auth',
  ActionOffline: 'invalid-request',
  DryRunOperation: 'invalid-request',
  FailedOperation: 'transient',
  InternalError: 'transient',
  InvalidAction: 'invalid-request',
  InvalidParameter: 'invalid-request',
  InvalidParameterValue: 'invalid-request',
  InvalidRequest: 'invalid-request',
  IpInBlacklist: 'auth',
  IpNotInWhitelist: 'auth',
  LimitExceeded: 'quota',
  'LimitExceeded.ActionLimited': 'throttled',
  MissingParameter: 'invalid-request',
  NoSuchProduct: 'invalid-request',
  NoSuchVersion: 'invalid-request',
  RequestLimitExceeded: 'throttled',
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded': 'throttled',
  'RequestLimitExceeded.IPLimitExceeded': 'throttled',
  'RequestLimitExceeded.UinLimitExceeded': 'throttled',
  RequestSizeLimitExceeded: 'invalid-request',
  ResourceInUse: 'conflict',
  ResourceInsufficient: 'quota',
  ResourceNotFound: 'not-found',
  ResourceUnavailable: 'transient',
  ResponseSizeLimitExceeded: 'transient',
  ServiceUnavailable: 'transient',
  UnauthorizedOperation: 'auth',
  UnknownParameter: 'invalid-request',
  UnsupportedOperation: 'invalid-request',
  UnsupportedProtocol: 'invalid-request',
  UnsupportedRegion: 'invalid-request',
  MissingCredentials: 'auth',
};

describe('Tencent error tables: every documented code of every action', () => {
  test.each(documentedCases(EXPECTED))('%s %s → %s', (action, code, kind) => {
    expect(classifyTencentCode(action, code)).toEqual({ kind, documented: true });
  });

  test('the expectations cover exactly the tables', () => {
    expect(Object.fromEntries(Object.entries(TENCENT_ERROR_TABLES.perAction).map(([action, codes]) => [action, { ...codes }]))).toEqual(EXPECTED);
    expect({ ...TENCENT_ERROR_TABLES.common }).toEqual(COMMON);
  });
});

describe('Tencent common codes apply to every action', () => {
  test.each(Object.entries(COMMON))('%s → %s', (code, kind) => {
    expect(classifyTencentCode('AssociateAddress', code)).toEqual({ kind, documented: true });
  });
});

describe('Tencent sub-codes of a common family, and unknown codes', () => {
  test.each([
    ['AuthFailure.SomethingNew', 'auth', true],
    ['RequestLimitExceeded.SomethingNew', 'throttled', true],
    ['LimitExceeded.SomethingNew', 'quota', true],
    ['InvalidParameterValue.SomethingNew', 'invalid-request', true],
    ['ResourceNotFound.SomethingNew', 'not-found', true],
    ['FailedOperation.SomethingNew', 'transient', true],
    ['', 'transient', true],
    ['NeverHeardOf', 'transient', false],
    ['InternalServerError', 'transient', false],
  ])('AssociateAddress %s → %s (documented: %s)', (code, kind, documented) => {
    expect(classifyTencentCode('AssociateAddress', code)).toEqual({ kind, documented });
  });
});

describe('Tencent codes tied to the address ids a request names (issue 14 item 1)', () => {
  test.each([
    ['InvalidParameterValue.AddressIdMalformed', true],
    ['InvalidAddressId.NotFound', true],
    ['InvalidParameterValue.AddressNotFound', true],
    ['InvalidAddressIdStatus.NotPermit', false],
    ['InvalidParameterValue.LimitExceeded', false],
    ['InvalidNetworkInterfaceId.NotFound', false],
    ['', false],
  ])('%s → %s', (code, concernsIds) => {
    expect(tencentCodeConcernsIds(code)).toBe(concernsIds);
  });
});
