import { parseTencentAnnotations, tencentDialect } from '../../../src/annotations/tencent.js';

const ATTR = 'tke.cloud.tencent.com/eip-attributes';
const IDS = 'tke.cloud.tencent.com/eip-id-list';
const POLICY = 'tke.cloud.tencent.com/eip-claim-delete-policy';

const STATEFUL_SET = [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'uid-web', controller: true }];

function parse(annotations: Record<string, string>, name = 'web-0') {
  return parseTencentAnnotations({ name, annotations, ownerReferences: STATEFUL_SET });
}

const defaults = { bandwidthMbps: 100, isp: 'BGP', chargeType: 'TRAFFIC_POSTPAID_BY_HOUR' };

describe('Tencent annotations: accepted forms', () => {
  test.each([
    ['empty value', { [ATTR]: '' }, { ...defaults, parameters: {} }],
    ['empty object', { [ATTR]: '{}' }, { ...defaults, parameters: {} }],
    ['legacy keys, string bandwidth', { [ATTR]: '{"Bandwidth":"50","ISP":"CMCC"}' }, { ...defaults, bandwidthMbps: 50, isp: 'CMCC', parameters: {} }],
    ['legacy keys, number bandwidth', { [ATTR]: '{"Bandwidth":20}' }, { ...defaults, bandwidthMbps: 20, parameters: {} }],
    [
      'API keys win over legacy keys',
      { [ATTR]: '{"Bandwidth":"100","ISP":"BGP","InternetMaxBandwidthOut":50,"InternetServiceProvider":"CTCC","InternetChargeType":"BANDWIDTH_POSTPAID_BY_HOUR"}' },
      { bandwidthMbps: 50, isp: 'CTCC', chargeType: 'BANDWIDTH_POSTPAID_BY_HOUR', parameters: {} },
    ],
    [
      'pass-through keys',
      {
        [ATTR]: JSON.stringify({
          AddressType: 'HighQualityEIP',
          BandwidthPackageId: 'bwp-1',
          AddressName: 'game',
          Egress: 'center_egress1',
          AntiDDoSPackageId: 'bgp-1',
          Tags: [{ Key: 'team', Value: 'a' }, { Key: 'solo' }],
        }),
      },
      {
        ...defaults,
        parameters: {
          AddressType: 'HighQualityEIP',
          BandwidthPackageId: 'bwp-1',
          AddressName: 'game',
          Egress: 'center_egress1',
          AntiDDoSPackageId: 'bgp-1',
          Tags: [{ Key: 'team', Value: 'a' }, { Key: 'solo', Value: '' }],
        },
      },
    ],
    [
      'monthly prepaid',
      { [ATTR]: '{"InternetChargeType":"BANDWIDTH_PREPAID_BY_MONTH","InternetMaxBandwidthOut":200,"AddressChargePrepaid":{"Period":12,"AutoRenewFlag":2}}' },
      { bandwidthMbps: 200, isp: 'BGP', chargeType: 'BANDWIDTH_PREPAID_BY_MONTH', parameters: { AddressChargePrepaid: { Period: 12, AutoRenewFlag: 2 } } },
    ],
    ['super-node prefix alias', { 'eks.tke.cloud.tencent.com/eip-attributes': '{"Bandwidth":"10"}' }, { ...defaults, bandwidthMbps: 10, parameters: {} }],
  ])('%s', (_name, annotations, allocation) => {
    expect(parse(annotations)).toEqual({ kind: 'owned', deletePolicy: 'Delete', allocation });
  });

  test('delete policy Never', () => {
    expect(parse({ [ATTR]: '', [POLICY]: 'Never' })).toEqual({ kind: 'owned', deletePolicy: 'Never', allocation: { ...defaults, parameters: {} } });
  });

  test('eip-id-list gives a static request, chosen by ordinal for a StatefulSet pod', () => {
    expect(parse({ [IDS]: 'eip-m44ku5d2, eip-bdm3oq7k', [POLICY]: 'Never' })).toEqual({
      kind: 'static',
      deletePolicy: 'Never',
      addressIds: ['eip-m44ku5d2', 'eip-bdm3oq7k'],
      chooseByOrdinal: true,
    });
  });

  test('no request annotation means no request, even with a delete policy', () => {
    expect(parse({ [POLICY]: 'Never', other: 'x' })).toEqual({ kind: 'none' });
  });

  test('outputs use the tke prefix', () => {
    expect(tencentDialect.outputAnnotations('203.0.113.7', 'eip-1')).toEqual({
      'tke.cloud.tencent.com/eip-public-ip': '203.0.113.7',
      'tke.cloud.tencent.com/eip-id': 'eip-1',
    });
  });
});

describe('Tencent annotations: bad input', () => {
  test.each([
    ['JSON that does not parse', { [ATTR]: '{"Bandwidth":' }, ATTR, 'is not valid JSON'],
    ['JSON that is not an object', { [ATTR]: '[1]' }, ATTR, 'must be a JSON object'],
    ['unknown key', { [ATTR]: '{"Bandwith":"10"}' }, ATTR, 'unknown key "Bandwith"'],
    ['bandwidth not a number', { [ATTR]: '{"Bandwidth":"ten"}' }, ATTR, 'Bandwidth must be a whole number of Mbps, got "ten"'],
    ['bandwidth out of range', { [ATTR]: '{"Bandwidth":"500"}' }, ATTR, 'Bandwidth must be between 1 and 100 Mbps for TRAFFIC_POSTPAID_BY_HOUR, got 500'],
    ['bandwidth zero', { [ATTR]: '{"InternetMaxBandwidthOut":0}' }, ATTR, 'InternetMaxBandwidthOut must be between 1 and 100 Mbps for TRAFFIC_POSTPAID_BY_HOUR, got 0'],
    ['unknown ISP', { [ATTR]: '{"ISP":"CNC"}' }, ATTR, 'ISP must be one of BGP, CMCC, CTCC, CUCC, got "CNC"'],
    ['unknown charge type', { [ATTR]: '{"InternetChargeType":"FREE"}' }, ATTR, 'InternetChargeType must be one of BANDWIDTH_PACKAGE, BANDWIDTH_POSTPAID_BY_HOUR, BANDWIDTH_PREPAID_BY_MONTH, TRAFFIC_POSTPAID_BY_HOUR, got "FREE"'],
    ['unknown address type', { [ATTR]: '{"AddressType":"Cheap"}' }, ATTR, 'AddressType must be one of EIP, AnycastEIP, HighQualityEIP, AntiDDoSEIP, ResidentialEIP, got "Cheap"'],
    ['empty pass-through string', { [ATTR]: '{"AddressName":""}' }, ATTR, 'AddressName must be a non-empty string, got ""'],
    ['reserved tag key', { [ATTR]: '{"Tags":[{"Key":"podeip.io/cluster","Value":"x"}]}' }, ATTR, 'tag key "podeip.io/cluster" is in the reserved podeip.io/ namespace'],
    ['tags not a list', { [ATTR]: '{"Tags":{"a":"b"}}' }, ATTR, 'Tags must be a list of {"Key": ..., "Value": ...} objects'],
    ['prepaid without period', { [ATTR]: '{"InternetChargeType":"BANDWIDTH_PREPAID_BY_MONTH"}' }, ATTR, 'AddressChargePrepaid is required with InternetChargeType BANDWIDTH_PREPAID_BY_MONTH'],
    ['prepaid bad period', { [ATTR]: '{"AddressChargePrepaid":{"Period":13}}' }, ATTR, 'AddressChargePrepaid.Period must be one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24, 36, got 13'],
    ['lower-case delete policy', { [ATTR]: '', [POLICY]: 'never' }, POLICY, 'must be "Never" or absent, got "never"'],
    ['misspelt delete policy', { [ATTR]: '', [POLICY]: 'Nevr' }, POLICY, 'must be "Never" or absent, got "Nevr"'],
    ['auto and static together', { [ATTR]: '', [IDS]: 'eip-m44ku5d2' }, IDS, 'cannot be combined with tke.cloud.tencent.com/eip-attributes: ask for an owned or a static address, not both'],
  ])('%s', (_name, annotations, annotation, problem) => {
    expect(parse(annotations)).toEqual({ kind: 'invalid', annotation, problem });
  });
});
