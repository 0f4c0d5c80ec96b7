import fc from 'fast-check';
import { toCloudAddress as fromAlibaba, type AlibabaEipAddress } from '../../src/providers/alibaba/address-mapping.js';
import { ALIBABA_ERROR_TABLES, classifyAlibabaCode } from '../../src/providers/alibaba/error-classification.js';
import { toCloudAddress as fromTencent, type TencentAddress } from '../../src/providers/tencent/address-mapping.js';
import { classifyTencentCode, TENCENT_ERROR_TABLES } from '../../src/providers/tencent/error-classification.js';

/**
 * Issue 9 item 5: malformed cloud replies. Each field the mappings read gets, besides its real
 * form, random strings, numbers, nulls, objects and arrays; the mapping returns an address or
 * throws a TypeError-free classified failure — here: never throws. Error codes of any shape map to
 * one of the seven kinds.
 */
const RUNS = 2_000;
const KINDS = ['transient', 'conflict', 'not-found', 'invalid-request', 'auth', 'quota', 'arrears', 'blocked', 'throttled'];

const anything = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.constant(undefined), fc.boolean(), fc.object(), fc.array(fc.string()));
const maybe = <T>(real: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: real as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: anything });

const tencentAddress = fc.record(
  {
    AddressId: maybe(fc.constantFrom('eip-abcdefgh', '')),
    AddressIp: maybe(fc.ipV4()),
    AddressName: maybe(fc.oneof(fc.constant(null), fc.string())),
    AddressStatus: maybe(fc.constantFrom('CREATING', 'BINDING', 'BIND', 'UNBINDING', 'UNBIND', 'OFFLINING', 'BIND_ENI')),
    NetworkInterfaceId: maybe(fc.oneof(fc.constant(null), fc.constant('eni-abc'))),
    PrivateAddressIp: maybe(fc.oneof(fc.constant(null), fc.ipV4())),
    InstanceId: maybe(fc.oneof(fc.constant(null), fc.constant('ins-abc'))),
    CreatedTime: maybe(fc.constantFrom('2026-11-29T23:00:00Z', 'not a time')),
    TagSet: maybe(fc.array(fc.record({ Key: maybe(fc.string()), Value: maybe(fc.string()) }))),
    InternetChargeType: maybe(fc.constantFrom('TRAFFIC_POSTPAID_BY_HOUR', 'BANDWIDTH_PACKAGE')),
    Bandwidth: maybe(fc.integer({ min: 0, max: 2000 })),
    IsBlocked: maybe(fc.boolean()),
    IsArrears: maybe(fc.boolean()),
  },
  { requiredKeys: [] },
);

const alibabaEip = fc.record(
  {
    allocationId: maybe(fc.constantFrom('eip-2zeerraiwb7ujsxdc1234', '')),
    ipAddress: maybe(fc.ipV4()),
    status: maybe(fc.constantFrom('Associating', 'Unassociating', 'InUse', 'Available', 'Releasing')),
    instanceId: maybe(fc.constantFrom('eni-abc', 'i-abc', '')),
    instanceType: maybe(fc.constantFrom('NetworkInterface', 'EcsInstance', '')),
    privateIpAddress: maybe(fc.oneof(fc.constant(''), fc.ipV4())),
    bandwidthPackageId: maybe(fc.constantFrom('cbwp-1', '')),
    name: maybe(fc.string()),
    allocationTime: maybe(fc.constantFrom('2026-11-29T23:00:00Z', 'garbage')),
    tags: maybe(fc.record({ tag: maybe(fc.array(fc.record({ key: maybe(fc.string()), value: maybe(fc.string()) }))) })),
  },
  { requiredKeys: [] },
);

function neverThrows(map: () => unknown): void {
  expect(map).not.toThrow();
}

describe('malformed cloud replies', () => {
  test('Tencent DescribeAddresses rows map without throwing', () => {
    fc.assert(fc.property(tencentAddress, (row) => neverThrows(() => fromTencent(row as unknown as TencentAddress))), { numRuns: RUNS });
  });

  test('Alibaba DescribeEipAddresses rows map without throwing (with and without the ENI primary-IP lookup)', () => {
    fc.assert(
      fc.property(alibabaEip, fc.option(fc.ipV4()), (row, primary) =>
        neverThrows(() => fromAlibaba(row as unknown as AlibabaEipAddress, () => primary ?? undefined)),
      ),
      { numRuns: RUNS },
    );
  });

  test('error codes of any shape, on any action, classify into one of the kinds', () => {
    const actions = fc.constantFrom(...Object.keys(TENCENT_ERROR_TABLES.perAction), ...Object.keys(ALIBABA_ERROR_TABLES.perAction), 'Unknown');
    const codes = fc.oneof(fc.string(), fc.constantFrom('', '.', 'Invalid', 'Throttling.', 'constructor', '__proto__', 'toString', 'hasOwnProperty'));
    fc.assert(
      fc.property(actions, codes, (action, code) => {
        expect(KINDS).toContain(classifyTencentCode(action, code).kind);
        expect(KINDS).toContain(classifyAlibabaCode(action, code).kind);
      }),
      { numRuns: RUNS },
    );
  });
});
