import { alibabaDialect, parseAlibabaAnnotations } from '../../../src/annotations/alibaba.js';

const ACK = 'k8s.aliyun.com/';
const ACS = 'network.alibabacloud.com/';
const WITH_EIP = `${ACK}pod-with-eip`;
const STATIC = `${ACK}pod-eip-instanceid`;
const BANDWIDTH = `${ACK}eip-bandwidth`;
const CHARGE = `${ACK}eip-internet-charge-type`;
const ISP = `${ACK}eip-isp`;
const TAGS = `${ACK}eip-tags`;
const STRATEGY = `${ACK}pod-eip-release-strategy`;

function parse(annotations: Record<string, string>, name = 'game-0') {
  return parseAlibabaAnnotations({ name, annotations, ownerReferences: [] });
}

/** The form of the emulator's ids (hack/cloud/alibaba/eip-inventory.ts: `eip-` and 20 characters). */
const STATIC_ID = 'eip-bp1jvx5ki6c0n4e7qa2u';

const defaults = { bandwidthMbps: 5, isp: 'BGP', chargeType: 'PayByTraffic', parameters: {} };

function owned(allocation: object, policy: object = { deletePolicy: 'Delete' }) {
  return { kind: 'owned', ...policy, allocation };
}

describe('Alibaba annotations: accepted forms', () => {
  test.each([
    ['pod-with-eip alone gets the defaults', { [WITH_EIP]: 'true' }, defaults],
    ['network.alibabacloud.com prefix', { [`${ACS}pod-with-eip`]: 'true' }, defaults],
    ['ECI alias eci-with-eip', { [`${ACK}eci-with-eip`]: 'true' }, defaults],
    ['bandwidth as a number', { [WITH_EIP]: 'true', [BANDWIDTH]: '20' }, { ...defaults, bandwidthMbps: 20 }],
    ['bandwidth with an M suffix', { [WITH_EIP]: 'true', [BANDWIDTH]: '5M' }, defaults],
    ['bandwidth at the PayByTraffic ceiling', { [WITH_EIP]: 'true', [BANDWIDTH]: '200' }, { ...defaults, bandwidthMbps: 200 }],
    [
      'PayByBandwidth allows up to 500',
      { [WITH_EIP]: 'true', [BANDWIDTH]: '500M', [CHARGE]: 'PayByBandwidth' },
      { ...defaults, bandwidthMbps: 500, chargeType: 'PayByBandwidth' },
    ],
    ['charge type alias eip-charge-type', { [WITH_EIP]: 'true', [`${ACK}eip-charge-type`]: 'PayByBandwidth' }, { ...defaults, chargeType: 'PayByBandwidth' }],
    ['alias and name agreeing', { [WITH_EIP]: 'true', [`${ACK}eip-charge-type`]: 'PayByBandwidth', [`${ACS}eip-internet-charge-type`]: 'PayByBandwidth' }, { ...defaults, chargeType: 'PayByBandwidth' }],
    ['ISP BGP_PRO', { [WITH_EIP]: 'true', [ISP]: 'BGP_PRO' }, { ...defaults, isp: 'BGP_PRO' }],
    ['single-line ISP with PayByBandwidth', { [WITH_EIP]: 'true', [ISP]: 'ChinaMobile_L2', [CHARGE]: 'PayByBandwidth' }, { ...defaults, isp: 'ChinaMobile_L2', chargeType: 'PayByBandwidth' }],
    [
      'pass-through parameters',
      {
        [WITH_EIP]: 'true',
        [`${ACK}eip-instance-charge-type`]: 'PostPaid',
        [`${ACK}eip-common-bandwidth-package-id`]: 'cbwp-bp1abc',
        [`${ACS}eip-public-ip-address-pool-id`]: 'pippool-bp1def',
        [`${ACK}eip-resource-group-id`]: 'rg-acfm123',
        [`${ACK}eip-name`]: 'games/game-0',
        [`${ACK}eip-description`]: 'game server',
        [`${ACK}eip-security-protection-types`]: 'AntiDDoS_Enhanced',
        [TAGS]: '{"team":"games","tier":"gold"}',
      },
      {
        ...defaults,
        parameters: {
          InstanceChargeType: 'PostPaid',
          CommonBandwidthPackageId: 'cbwp-bp1abc',
          PublicIpAddressPoolId: 'pippool-bp1def',
          ResourceGroupId: 'rg-acfm123',
          Name: 'games/game-0',
          Description: 'game server',
          SecurityProtectionTypes: ['AntiDDoS_Enhanced'],
          Tags: { team: 'games', tier: 'gold' },
        },
      },
    ],
  ])('%s', (_name, annotations, allocation) => {
    expect(parse(annotations)).toEqual(owned(allocation));
  });

  test.each([
    ['Follow', 'Follow', { deletePolicy: 'Delete' }],
    ['Never', 'Never', { deletePolicy: 'Never' }],
    ['a duration keeps the claim that long', '10m', { deletePolicy: 'Never', expireAfter: '10m' }],
    ['exactly the 5m minimum', '5m', { deletePolicy: 'Never', expireAfter: '5m' }],
    ['a compound duration, normalised', '1h30m0s', { deletePolicy: 'Never', expireAfter: '1h30m' }],
    ['seconds, normalised', '330s', { deletePolicy: 'Never', expireAfter: '5m30s' }],
  ])('release strategy %s', (_name, value, policy) => {
    expect(parse({ [WITH_EIP]: 'true', [STRATEGY]: value })).toEqual(owned(defaults, policy));
  });

  test('pod-eip-instanceid asks for that static address without pod-with-eip, for any pod name', () => {
    expect(parse({ [STATIC]: STATIC_ID, [`${ACS}pod-eip-release-strategy`]: 'Never' }, 'game-3')).toEqual({
      kind: 'static',
      deletePolicy: 'Never',
      addressIds: [STATIC_ID],
      chooseByOrdinal: false,
    });
  });

  test('ECI alias eci-eip-instanceid', () => {
    expect(parse({ [`${ACK}eci-eip-instanceid`]: STATIC_ID })).toEqual({ kind: 'static', deletePolicy: 'Delete', addressIds: [STATIC_ID], chooseByOrdinal: false });
  });

  test.each([
    ['no annotations', {}],
    ['pod-with-eip "false"', { [WITH_EIP]: 'false', [BANDWIDTH]: 'ten' }],
    ['settings without a request', { [BANDWIDTH]: '5', [STRATEGY]: 'never' }],
    ['other aliyun annotations', { [`${ACK}pod-ip-reservation`]: 'true' }],
  ])('no request: %s', (_name, annotations) => {
    expect(parse(annotations)).toEqual({ kind: 'none' });
  });

  test('outputs: the ACK public IP and the ACS address and id', () => {
    expect(alibabaDialect.outputAnnotations('203.0.113.7', STATIC_ID)).toEqual({
      'k8s.aliyun.com/allocated-eipAddress': '203.0.113.7',
      'network.alibabacloud.com/allocated-eip-address': '203.0.113.7',
      'network.alibabacloud.com/allocated-eip-id': STATIC_ID,
    });
  });

  test('readiness condition k8s.aliyun.com/eip beside podeip.io/eip-bound', () => {
    expect(alibabaDialect.extraConditionTypes).toEqual(['k8s.aliyun.com/eip']);
    expect(alibabaDialect.provider).toBe('alibaba');
  });
});

describe('Alibaba annotations: bad input', () => {
  const durationHelp = 'must be "Follow", "Never" or a duration of at least 5m such as "10m", got';
  test.each([
    ['pod-with-eip not a boolean', { [WITH_EIP]: 'yes' }, WITH_EIP, 'must be "true" or "false", got "yes"'],
    ['pod-with-eip capitalised', { [`${ACS}pod-with-eip`]: 'True' }, `${ACS}pod-with-eip`, 'must be "true" or "false", got "True"'],
    ['auto and static together', { [WITH_EIP]: 'true', [STATIC]: STATIC_ID }, STATIC, `cannot be combined with ${WITH_EIP}: ask for an owned or a static address, not both`],
    ['prefixes disagree', { [WITH_EIP]: 'true', [BANDWIDTH]: '5', [`${ACS}eip-bandwidth`]: '10' }, `${ACS}eip-bandwidth`, `disagrees with ${BANDWIDTH}: "10" vs "5"`],
    ['alias disagrees', { [WITH_EIP]: 'true', [CHARGE]: 'PayByTraffic', [`${ACK}eip-charge-type`]: 'PayByBandwidth' }, `${ACK}eip-charge-type`, `disagrees with ${CHARGE}: "PayByBandwidth" vs "PayByTraffic"`],
    ['bandwidth not a number', { [WITH_EIP]: 'true', [BANDWIDTH]: 'ten' }, BANDWIDTH, 'must be a whole number of Mbps such as "5" or "5M", got "ten"'],
    ['bandwidth in Mbps words', { [WITH_EIP]: 'true', [BANDWIDTH]: '5Mbps' }, BANDWIDTH, 'must be a whole number of Mbps such as "5" or "5M", got "5Mbps"'],
    ['bandwidth fractional', { [WITH_EIP]: 'true', [BANDWIDTH]: '2.5' }, BANDWIDTH, 'must be a whole number of Mbps such as "5" or "5M", got "2.5"'],
    ['bandwidth zero', { [WITH_EIP]: 'true', [BANDWIDTH]: '0' }, BANDWIDTH, 'must be between 1 and 200 Mbps for PayByTraffic, got 0'],
    ['bandwidth over the PayByTraffic ceiling', { [WITH_EIP]: 'true', [BANDWIDTH]: '201M' }, BANDWIDTH, 'must be between 1 and 200 Mbps for PayByTraffic, got 201'],
    ['bandwidth over the PayByBandwidth ceiling', { [WITH_EIP]: 'true', [BANDWIDTH]: '501', [CHARGE]: 'PayByBandwidth' }, BANDWIDTH, 'must be between 1 and 500 Mbps for PayByBandwidth, got 501'],
    ['unknown charge type', { [WITH_EIP]: 'true', [CHARGE]: 'PayByHour' }, CHARGE, 'must be one of PayByTraffic, PayByBandwidth, got "PayByHour"'],
    ['prepaid', { [WITH_EIP]: 'true', [`${ACK}eip-instance-charge-type`]: 'PrePaid' }, `${ACK}eip-instance-charge-type`, 'must be "PostPaid" (podeip cannot release prepaid addresses), got "PrePaid"'],
    ['unknown ISP', { [WITH_EIP]: 'true', [ISP]: 'CMCC' }, ISP, 'must be one of BGP, BGP_PRO, ChinaTelecom, ChinaUnicom, ChinaMobile, ChinaTelecom_L2, ChinaUnicom_L2, ChinaMobile_L2, got "CMCC"'],
    ['single-line ISP with PayByTraffic', { [WITH_EIP]: 'true', [ISP]: 'ChinaTelecom' }, ISP, 'ChinaTelecom needs eip-internet-charge-type PayByBandwidth, got PayByTraffic'],
    ['bandwidth package id with spaces', { [WITH_EIP]: 'true', [`${ACK}eip-common-bandwidth-package-id`]: 'cbwp 1' }, `${ACK}eip-common-bandwidth-package-id`, 'must be a resource id, got "cbwp 1"'],
    ['empty resource group', { [WITH_EIP]: 'true', [`${ACK}eip-resource-group-id`]: '' }, `${ACK}eip-resource-group-id`, 'must be a resource id, got ""'],
    ['empty name', { [WITH_EIP]: 'true', [`${ACK}eip-name`]: '' }, `${ACK}eip-name`, 'must be 1 to 128 characters long, got 0'],
    ['description too long', { [WITH_EIP]: 'true', [`${ACK}eip-description`]: 'd'.repeat(257) }, `${ACK}eip-description`, 'must be 1 to 256 characters long, got 257'],
    ['protection types malformed', { [WITH_EIP]: 'true', [`${ACK}eip-security-protection-types`]: 'AntiDDoS_Enhanced,' }, `${ACK}eip-security-protection-types`, 'must be a comma-separated list such as "AntiDDoS_Enhanced", got "AntiDDoS_Enhanced,"'],
    ['tags not JSON', { [WITH_EIP]: 'true', [TAGS]: '{team:games}' }, TAGS, 'is not valid JSON'],
    ['tags a list', { [WITH_EIP]: 'true', [TAGS]: '[{"Key":"team"}]' }, TAGS, 'must be a JSON object of tag keys to string values, such as {"team":"games"}'],
    ['tag value a number', { [WITH_EIP]: 'true', [TAGS]: '{"tier":1}' }, TAGS, 'tag "tier" must have a string value, got 1'],
    ['tag key empty', { [WITH_EIP]: 'true', [TAGS]: '{"":"x"}' }, TAGS, 'tag "" needs a key of 1 to 128 characters and a value of at most 128'],
    ['tag value empty (issue 9)', { [WITH_EIP]: 'true', [TAGS]: '{"tier":""}' }, TAGS, 'tag "tier" needs a value: AllocateEipAddress refuses empty ones'],
    ['reserved podeip.io tag key', { [WITH_EIP]: 'true', [TAGS]: '{"podeip.io/cluster":"other"}' }, TAGS, 'tag key "podeip.io/cluster" is in the reserved podeip.io/ namespace'],
    ['cloud-reserved tag key', { [WITH_EIP]: 'true', [TAGS]: '{"acs:owner":"me"}' }, TAGS, 'tag key "acs:owner" may not start with "acs:"'],
    [
      'too many tags',
      { [WITH_EIP]: 'true', [TAGS]: JSON.stringify(Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']))) },
      TAGS,
      "has 17 tags; at most 16 fit beside podeip's own",
    ],
    ['release strategy lower-case never', { [WITH_EIP]: 'true', [STRATEGY]: 'never' }, STRATEGY, `${durationHelp} "never"`],
    ['release strategy misspelt', { [WITH_EIP]: 'true', [STRATEGY]: 'Nevr' }, STRATEGY, `${durationHelp} "Nevr"`],
    ['release strategy garbage', { [WITH_EIP]: 'true', [STRATEGY]: '10 minutes' }, STRATEGY, `${durationHelp} "10 minutes"`],
    ['release strategy negative', { [WITH_EIP]: 'true', [STRATEGY]: '-10m' }, STRATEGY, `${durationHelp} "-10m"`],
    ['release strategy under 5m', { [WITH_EIP]: 'true', [STRATEGY]: '4m' }, STRATEGY, 'must keep the address for at least 5m, got "4m"'],
    ['release strategy 4m59s', { [WITH_EIP]: 'true', [STRATEGY]: '4m59s' }, STRATEGY, 'must keep the address for at least 5m, got "4m59s"'],
    ['release strategy on a static request', { [STATIC]: STATIC_ID, [`${ACS}pod-eip-release-strategy`]: '1m' }, `${ACS}pod-eip-release-strategy`, 'must keep the address for at least 5m, got "1m"'],
  ])('%s', (_name, annotations, annotation, problem) => {
    expect(parse(annotations)).toEqual({ kind: 'invalid', annotation, problem });
  });
});
