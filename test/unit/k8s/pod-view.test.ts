import type { V1Pod } from '@kubernetes/client-node';
import { trimPod } from '../../../src/k8s/pod-view.js';

describe('trimPod', () => {
  it('keeps the labels, for pool podSelectors, as a copy', () => {
    const labels = { app: 'game', tier: 'prod' };
    const view = trimPod({ metadata: { name: 'game-0', namespace: 'games', labels } } as V1Pod, []);
    expect(view.labels).toEqual({ app: 'game', tier: 'prod' });
    labels.app = 'changed';
    expect(view.labels.app).toBe('game');
  });

  it('gives a pod without labels an empty set', () => {
    expect(trimPod({ metadata: { name: 'bare', namespace: 'games' } } as V1Pod, []).labels).toEqual({});
  });
});
