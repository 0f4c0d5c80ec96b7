/**
 * Issue 14 item 14: a hold after a permanent refusal is lifted only when podeip's own inputs change.
 * inputsOf gives exactly the annotations a dialect reads, so another controller's annotations do not count.
 */
import { alibabaDialect } from '../../../src/annotations/alibaba.js';
import { tencentDialect } from '../../../src/annotations/tencent.js';

const pod = { name: 'game-0', ownerReferences: [] };
const foreign = {
  'kubectl.kubernetes.io/restartedAt': '2026-11-29T00:00:00Z',
  'example.com/eip-owner': 'team-a',
  'podeip.io/public-ip': '203.0.113.7',
  'podeip.io/address-id': 'eip-m44ku5d2',
};

describe('inputsOf', () => {
  test('Tencent: request keys under both prefixes, typos and podeip.io/pool; not outputs or other annotations', () => {
    const annotations = {
      ...foreign,
      'tke.cloud.tencent.com/eip-attributes': '{"Bandwidth":"10"}',
      'eks.tke.cloud.tencent.com/eip-id-list': 'eip-m44ku5d2',
      'tke.cloud.tencent.com/eip-claim-delete-policy': 'Never',
      'tke.cloud.tencent.com/eip-claim-delete-polcy': 'Never',
      'tke.cloud.tencent.com/eip-public-ip': '203.0.113.7',
      'tke.cloud.tencent.com/eip-id': 'eip-m44ku5d2',
      'eks.tke.cloud.tencent.com/eip-injection': 'true',
      'tke.cloud.tencent.com/networks': 'tke-route-eni',
      'k8s.aliyun.com/pod-with-eip': 'true',
      'podeip.io/pool': 'games',
    };
    expect(tencentDialect.inputsOf({ ...pod, annotations })).toEqual({
      'tke.cloud.tencent.com/eip-attributes': '{"Bandwidth":"10"}',
      'eks.tke.cloud.tencent.com/eip-id-list': 'eip-m44ku5d2',
      'tke.cloud.tencent.com/eip-claim-delete-policy': 'Never',
      'tke.cloud.tencent.com/eip-claim-delete-polcy': 'Never',
      'podeip.io/pool': 'games',
    });
  });

  test('Alibaba: every setting and alias under both prefixes, typos and podeip.io/pool; not outputs or other annotations', () => {
    const annotations = {
      ...foreign,
      'k8s.aliyun.com/pod-with-eip': 'true',
      'network.alibabacloud.com/eip-bandwidth': '10',
      'k8s.aliyun.com/eip-charge-type': 'PayByBandwidth',
      'k8s.aliyun.com/eci-eip-instanceid': 'eip-bp1jvx5ki6c0n4e7qa2u',
      'network.alibabacloud.com/pod-eip-release-strategy': '10m',
      'k8s.aliyun.com/eip-bandwith': '5',
      'k8s.aliyun.com/allocated-eipAddress': '203.0.113.7',
      'network.alibabacloud.com/allocated-eip-id': 'eip-bp1jvx5ki6c0n4e7qa2u',
      'k8s.aliyun.com/pod-ip-reservation': 'true',
      'tke.cloud.tencent.com/eip-attributes': '',
      'podeip.io/pool': 'games',
    };
    expect(alibabaDialect.inputsOf({ ...pod, annotations })).toEqual({
      'k8s.aliyun.com/pod-with-eip': 'true',
      'network.alibabacloud.com/eip-bandwidth': '10',
      'k8s.aliyun.com/eip-charge-type': 'PayByBandwidth',
      'k8s.aliyun.com/eci-eip-instanceid': 'eip-bp1jvx5ki6c0n4e7qa2u',
      'network.alibabacloud.com/pod-eip-release-strategy': '10m',
      'k8s.aliyun.com/eip-bandwith': '5',
      'podeip.io/pool': 'games',
    });
  });

  test('a pod with none of them has no inputs', () => {
    expect(tencentDialect.inputsOf({ ...pod, annotations: foreign })).toEqual({});
    expect(alibabaDialect.inputsOf({ ...pod, annotations: foreign })).toEqual({});
  });
});
