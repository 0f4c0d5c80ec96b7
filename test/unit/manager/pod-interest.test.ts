import type { V1Pod } from '@kubernetes/client-node';
import { tencentDialect } from '../../../src/annotations/tencent.js';
import { trimPod } from '../../../src/k8s/pod-view.js';
import { podInterestOf } from '../../../src/manager/pod-interest.js';

const interest = podInterestOf(tencentDialect);

function pod(annotations: Record<string, string>) {
  return trimPod(
    {
      metadata: {
        name: 'web-0',
        namespace: 'games',
        uid: 'uid-1',
        resourceVersion: '7',
        labels: { app: 'web' },
        annotations: { 'prometheus.io/scrape': 'true', ...annotations },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-1', controller: true }],
      },
      status: { phase: 'Running', podIP: '10.0.0.11', conditions: [{ type: 'podeip.io/eip-bound', status: 'True' }] },
    } as V1Pod,
    ['podeip.io/eip-bound'],
  );
}

describe('the pod predicate and what is kept of pods that ask for nothing', () => {
  it('keeps a pod that asks for an address in full', () => {
    const asking = pod({ 'tke.cloud.tencent.com/eip-attributes': '{"Bandwidth":"10"}' });
    expect(interest.asksForAddress(asking)).toBe(true);
    expect(interest.retained(asking)).toBe(asking);
  });

  it('counts a pod whose request is malformed as asking (its claim shows the problem)', () => {
    expect(interest.asksForAddress(pod({ 'tke.cloud.tencent.com/eip-atributes': '{}' }))).toBe(true);
  });

  it('keeps of any other pod what podeip may undo on it: identity, IP, its conditions and its output annotations', () => {
    const other = pod({ 'podeip.io/public-ip': '203.0.113.7', 'podeip.io/address-id': 'eip-12345678', 'tke.cloud.tencent.com/eip-public-ip': '203.0.113.7' });
    expect(interest.asksForAddress(other)).toBe(false);
    expect(interest.retained(other)).toEqual({
      namespace: 'games',
      name: 'web-0',
      uid: 'uid-1',
      resourceVersion: '7',
      annotations: { 'podeip.io/public-ip': '203.0.113.7', 'podeip.io/address-id': 'eip-12345678', 'tke.cloud.tencent.com/eip-public-ip': '203.0.113.7' },
      labels: {},
      ownerReferences: [],
      deleting: false,
      phase: 'Running',
      podIP: '10.0.0.11',
      ownConditions: { 'podeip.io/eip-bound': 'True' },
    });
  });
});
