import { classifyTencentCode, tencentCodeConcernsIds } from '../../../src/providers/tencent/error-classification.js';

describe('Tencent error codes to CloudError kinds', () => {
  test.each([
    ['InvalidAddressId.NotFound', 'not-found'],
    ['InvalidParameterValue.AddressNotFound', 'not-found'],
    ['InvalidNetworkInterfaceId.NotFound', 'not-found'],
    ['ResourceNotFound', 'not-found'],
    ['RequestLimitExceeded', 'throttled'],
    ['RequestLimitExceeded.UinLimitExceeded', 'throttled'],
    ['OperationDenied.MutexTaskRunning', 'conflict'],
    ['UnsupportedOperation.AddressStatusNotPermit', 'conflict'],
    ['InvalidAddressIdStatus.NotPermit', 'conflict'],
    ['InvalidAddressState', 'conflict'],
    ['InvalidPrivateIpAddress.AlreadyBindEip', 'conflict'],
    ['AddressQuotaLimitExceeded', 'quota'],
    ['AddressQuotaLimitExceeded.DailyAllocate', 'quota'],
    ['LimitExceeded.InstanceAddressQuota', 'quota'],
    ['ResourceInsufficient', 'quota'],
    ['AuthFailure.SignatureFailure', 'auth'],
    ['AuthFailure.SecretIdNotFound', 'auth'],
    ['UnauthorizedOperation', 'auth'],
    ['MissingCredentials', 'auth'],
    ['InvalidParameterValue.BandwidthOutOfRange', 'invalid-request'],
    ['InvalidParameter', 'invalid-request'],
    ['UnknownParameter', 'invalid-request'],
    ['MissingParameter', 'invalid-request'],
    ['UnsupportedOperation.InvalidAddressInternetChargeType', 'invalid-request'],
    ['OperationDenied.AddressInArrears', 'invalid-request'],
    ['InvalidAddressId.Blocked', 'invalid-request'],
    ['InternalError', 'transient'],
    ['InternalServerError', 'transient'],
    ['FailedOperation.TaskFailed', 'transient'],
    ['', 'transient'],
  ])('%s → %s', (code, kind) => {
    expect(classifyTencentCode(code)).toBe(kind);
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
