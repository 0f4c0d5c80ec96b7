import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { chooseNode } from '../../hack/workloads/node-choice.js';

function node(name: string, options: { ready?: boolean; unschedulable?: boolean; zone?: string } = {}): V1Node {
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(options.zone ? { zone: options.zone } : {}) } },
    spec: { unschedulable: options.unschedulable },
    status: { conditions: [{ type: 'Ready', status: options.ready === false ? 'False' : 'True' }] },
  };
}

const pod = (nodeSelector?: Record<string, string>): V1Pod => ({ metadata: { name: 'p' }, spec: { containers: [], nodeSelector } });

describe('chooseNode', () => {
  const nodes = [node('node-1', { zone: 'a' }), node('node-2', { zone: 'b' }), node('node-3', { zone: 'b' })];

  test('picks the node running the fewest pods', () => {
    expect(chooseNode(pod(), nodes, new Map([['node-1', 2], ['node-2', 1], ['node-3', 3]]))).toBe('node-2');
  });

  test('breaks ties by node name', () => {
    expect(chooseNode(pod(), nodes, new Map())).toBe('node-1');
  });

  test('honours nodeSelector, including kubernetes.io/hostname', () => {
    expect(chooseNode(pod({ zone: 'b' }), nodes, new Map([['node-2', 5]]))).toBe('node-3');
    expect(chooseNode(pod({ 'kubernetes.io/hostname': 'node-2' }), nodes, new Map([['node-2', 9]]))).toBe('node-2');
  });

  test('skips nodes that are not Ready or are cordoned, and returns undefined when nothing fits', () => {
    const mixed = [node('node-1', { ready: false }), node('node-2', { unschedulable: true }), node('node-3')];
    expect(chooseNode(pod(), mixed, new Map([['node-3', 50]]))).toBe('node-3');
    expect(chooseNode(pod({ zone: 'c' }), nodes, new Map())).toBeUndefined();
  });
});
