/**
 * SPEC §3.4 (issue 14 item 3): a key under a provider prefix that looks like ours (`eip-`, `pod-eip-`,
 * `eci-eip-` + an unknown name) is bad input on both providers, also with no other request key, so a
 * typo never turns `Never` into `Delete`. Pinned here for both dialects with one table each.
 */
import { parseAlibabaAnnotations } from '../../../src/annotations/alibaba.js';
import { parseTencentAnnotations } from '../../../src/annotations/tencent.js';

const TKE = 'tke.cloud.tencent.com/';
const EKS = 'eks.tke.cloud.tencent.com/';
const ACK = 'k8s.aliyun.com/';
const ACS = 'network.alibabacloud.com/';
const PROBLEM = 'is not a known EIP annotation';

const pod = { name: 'game-0', ownerReferences: [] };

describe('Tencent: look-alike keys are typos', () => {
  test.each([
    ['a misspelt delete policy beside a request', { [`${TKE}eip-attributes`]: '', [`${TKE}eip-claim-delete-polcy`]: 'Never' }, `${TKE}eip-claim-delete-polcy`],
    ['a misspelt delete policy beside a static request', { [`${TKE}eip-id-list`]: 'eip-m44ku5d2', [`${TKE}eip-claim-delete-polcy`]: 'Never' }, `${TKE}eip-claim-delete-polcy`],
    ['a misspelt delete policy alone', { [`${TKE}eip-claim-delete-polcy`]: 'Never' }, `${TKE}eip-claim-delete-polcy`],
    ['a misspelt request alone', { [`${TKE}eip-atributes`]: '' }, `${TKE}eip-atributes`],
    ['a misspelt id list alone', { [`${TKE}eip-ids-list`]: 'eip-m44ku5d2' }, `${TKE}eip-ids-list`],
    ['under the super-node prefix', { [`${EKS}eip-attributes`]: '', [`${EKS}eip-claim-deletion-policy`]: 'Never' }, `${EKS}eip-claim-deletion-policy`],
    ['a pod-eip- key', { [`${TKE}eip-attributes`]: '', [`${TKE}pod-eip-release-strategy`]: 'Never' }, `${TKE}pod-eip-release-strategy`],
    ['an eci-eip- key', { [`${TKE}eip-attributes`]: '', [`${TKE}eci-eip-instanceid`]: 'eip-m44ku5d2' }, `${TKE}eci-eip-instanceid`],
  ])('invalid: %s', (_name, annotations, annotation) => {
    expect(parseTencentAnnotations({ ...pod, annotations })).toEqual({ kind: 'invalid', annotation, problem: PROBLEM });
  });

  test.each([
    ['outputs written by ipamd or podeip', { [`${TKE}eip-attributes`]: '', [`${TKE}eip-public-ip`]: '203.0.113.7', [`${TKE}eip-id`]: 'eip-m44ku5d2' }],
    ['the super-node eip-injection switch', { [`${EKS}eip-attributes`]: '', [`${EKS}eip-injection`]: 'true' }],
    ['other Tencent annotations', { [`${TKE}eip-attributes`]: '', [`${TKE}networks`]: 'tke-route-eni', [`${TKE}vpc-ip-claim-delete-policy`]: 'Never' }],
    ['eip- keys of other prefixes', { [`${TKE}eip-attributes`]: '', [`${ACK}eip-bandwith`]: '5', 'example.com/eip-x': 'y' }],
  ])('still owned: %s', (_name, annotations) => {
    expect(parseTencentAnnotations({ ...pod, annotations })).toMatchObject({ kind: 'owned', deletePolicy: 'Delete' });
  });

  test('outputs alone are no request', () => {
    expect(parseTencentAnnotations({ ...pod, annotations: { [`${TKE}eip-public-ip`]: '203.0.113.7', [`${TKE}eip-id`]: 'eip-m44ku5d2' } })).toEqual({ kind: 'none' });
  });
});

describe('Tencent delete policy: only "Never" keeps the address', () => {
  test.each(['never', 'Nevr', 'NEVER', 'Delete', '', ' Never'])('%j is invalid, not Delete', (value) => {
    expect(parseTencentAnnotations({ ...pod, annotations: { [`${TKE}eip-attributes`]: '', [`${TKE}eip-claim-delete-policy`]: value } })).toEqual({
      kind: 'invalid',
      annotation: `${TKE}eip-claim-delete-policy`,
      problem: `must be "Never" or absent, got ${JSON.stringify(value)}`,
    });
  });
});

describe('Alibaba: look-alike keys are typos', () => {
  test.each([
    ['a misspelt setting beside a request', { [`${ACK}pod-with-eip`]: 'true', [`${ACS}eip-bandwith`]: '5' }, `${ACS}eip-bandwith`],
    ['a misspelt release strategy beside a static request', { [`${ACK}pod-eip-instanceid`]: 'eip-bp1jvx5ki6c0n4e7qa2u', [`${ACK}pod-eip-release-stratgy`]: 'Never' }, `${ACK}pod-eip-release-stratgy`],
    ['a misspelt setting without a request', { [`${ACK}eip-bandwidth`]: '5', [`${ACK}eip-bandwith`]: '5' }, `${ACK}eip-bandwith`],
    ['a misspelt static id alone', { [`${ACK}pod-eip-instance-id`]: 'eip-bp1jvx5ki6c0n4e7qa2u' }, `${ACK}pod-eip-instance-id`],
    ['a misspelt ECI alias', { [`${ACK}pod-with-eip`]: 'true', [`${ACK}eci-eip-instance`]: 'x' }, `${ACK}eci-eip-instance`],
  ])('invalid: %s', (_name, annotations, annotation) => {
    expect(parseAlibabaAnnotations({ ...pod, annotations })).toEqual({ kind: 'invalid', annotation, problem: PROBLEM });
  });

  test.each([
    ['outputs', { [`${ACK}pod-with-eip`]: 'true', [`${ACK}allocated-eipAddress`]: '203.0.113.7', [`${ACS}allocated-eip-id`]: 'eip-bp1jvx5ki6c0n4e7qa2u' }],
    ['Tencent keys', { [`${ACK}pod-with-eip`]: 'true', [`${TKE}eip-claim-delete-polcy`]: 'Never' }],
  ])('still owned: %s', (_name, annotations) => {
    expect(parseAlibabaAnnotations({ ...pod, annotations })).toMatchObject({ kind: 'owned', deletePolicy: 'Delete' });
  });
});
