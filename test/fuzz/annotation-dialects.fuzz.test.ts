import fc from 'fast-check';
import { alibabaDialect } from '../../src/annotations/alibaba.js';
import type { AnnotationDialect, ClaimRequest } from '../../src/annotations/claim-request.js';
import { tencentDialect } from '../../src/annotations/tencent.js';

/**
 * Issue 9 item 5: 10,000 generated annotation sets per dialect, mixing the dialect's real keys,
 * look-alike typos and random keys with valid, near-valid and random values (JSON included).
 * parse never throws, every result is one of the request kinds, and an invalid one names an
 * annotation the pod carries.
 */
const RUNS = 10_000;

const TENCENT_NAMES = ['eip-attributes', 'eip-id-list', 'eip-claim-delete-policy', 'eip-expired-duration', 'eip-pool'];
const ALIBABA_NAMES = [
  'pod-with-eip',
  'eip-bandwidth',
  'eip-internet-charge-type',
  'eip-instance-charge-type',
  'eip-common-bandwidth-package-id',
  'eip-isp',
  'eip-name',
  'eip-description',
  'eip-release-strategy',
  'pod-eip-release-strategy',
  'pod-eip-instanceid',
  'eip-id',
  'eip-public-ip-address-pool-id',
  'eip-resource-group-id',
  'eip-tags',
];

/** A typo: one character dropped, doubled or swapped for a neighbour. */
function lookAlike(name: string): fc.Arbitrary<string> {
  return fc.nat({ max: name.length - 1 }).chain((at) =>
    fc.constantFrom(name.slice(0, at) + name.slice(at + 1), name.slice(0, at) + name[at] + name.slice(at), name.slice(0, at) + '_' + name.slice(at + 1)),
  );
}

function keys(prefixes: string[], names: string[]): fc.Arbitrary<string> {
  const name = fc.oneof(fc.constantFrom(...names), fc.constantFrom(...names).chain(lookAlike));
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...prefixes), name).map(([prefix, rest]) => prefix + rest) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('podeip.io/', 'example.com/'), name).map(([prefix, rest]) => prefix + rest) },
    { weight: 1, arbitrary: fc.string() },
  );
}

const values: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '{}', 'true', 'false', 'Never', 'never', 'Delete', 'Follow', '5m', '4m', '8760h', '8761h', '10', '0', '-1', '201', 'BGP', 'PayByTraffic', 'PayByBandwidth'),
  fc.constantFrom('eip-abcdefgh', 'eip-abcdefgh,eip-12345678', 'eip-doesnotexist', 'eip-2zeerraiwb7ujsxdc1234', 'cbwp-1', 'pool-1', 'a'.repeat(300)),
  fc.json(),
  fc.jsonValue().map((value) => JSON.stringify({ Bandwidth: value, ISP: value, InternetMaxBandwidthOut: value, Tags: value })),
  fc.string(),
);

function podsFor(prefixes: string[], names: string[]) {
  return fc.record({
    name: fc.oneof(fc.constantFrom('game-0', 'web-7d9c-x2', 'a'.repeat(253)), fc.string({ minLength: 1 })),
    annotations: fc.dictionary(keys(prefixes, names), values, { maxKeys: 6 }),
    ownerReferences: fc.constantFrom([], [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'game', uid: 'u1', controller: true }]),
  });
}

const KINDS = ['none', 'owned', 'static', 'pool', 'invalid'];

function checkEveryParse(dialect: AnnotationDialect, prefixes: string[], names: string[]): void {
  fc.assert(
    fc.property(podsFor(prefixes, names), (pod) => {
      const request: ClaimRequest = dialect.parse(pod);
      expect(KINDS).toContain(request.kind);
      if (request.kind === 'invalid') {
        expect(Object.keys(pod.annotations)).toContain(request.annotation);
        expect(request.problem.length).toBeGreaterThan(0);
      }
    }),
    { numRuns: RUNS },
  );
}

describe('annotation dialects under 10,000 generated annotation sets each', () => {
  test('Tencent: tke.cloud.tencent.com/ and eks.tke.cloud.tencent.com/', () => {
    checkEveryParse(tencentDialect, ['tke.cloud.tencent.com/', 'eks.tke.cloud.tencent.com/'], TENCENT_NAMES);
  });

  test('Alibaba: k8s.aliyun.com/ and network.alibabacloud.com/', () => {
    checkEveryParse(alibabaDialect, ['k8s.aliyun.com/', 'network.alibabacloud.com/'], ALIBABA_NAMES);
  });
});
