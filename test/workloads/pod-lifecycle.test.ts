import { PatchStrategy, setHeaderOptions, type V1Pod } from '@kubernetes/client-node';
import { ManualClock } from '../support/manual-clock.js';
import { EXIT_AFTER_ANNOTATION, EXIT_PHASE_ANNOTATION } from '../../hack/workloads/index.js';
import { startSimulatedCluster, type SimulatedCluster } from './simulated-cluster.js';

const GATE = 'podeip.io/eip-bound';
const namespace = 'default';

function podManifest(name: string, extra: { spec?: Partial<V1Pod['spec']>; annotations?: Record<string, string> } = {}): V1Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, annotations: extra.annotations },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...extra.spec },
  };
}

const condition = (pod: V1Pod | undefined, type: string) => pod?.status?.conditions?.find((c) => c.type === type);

describe('pods on the simulated nodes', () => {
  let cluster: SimulatedCluster;
  const cached = (name: string) => cluster.cache.pods.get(name, namespace);
  const running = (name: string) => {
    const pod = cached(name);
    return pod?.status?.phase === 'Running' && pod.status.podIP ? pod : undefined;
  };

  beforeAll(async () => {
    cluster = await startSimulatedCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  test('nodes exist, Ready, with the host IP of their PodNetwork node', async () => {
    expect(cluster.simulation.nodeNames).toEqual(['node-1', 'node-2', 'node-3']);
    const nodes = (await cluster.core.listNode()).items;
    expect(nodes.map((node) => node.metadata!.name).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    for (const node of nodes) {
      const hostIp = cluster.network.node(node.metadata!.name!)!.hostIp;
      expect(node.status!.addresses).toEqual([{ type: 'InternalIP', address: hostIp }, { type: 'Hostname', address: node.metadata!.name }]);
      expect(node.status!.conditions!.find((c) => c.type === 'Ready')?.status).toBe('True');
    }
  });

  test('a pod is scheduled, gets an IP on its node ENI and runs Ready', async () => {
    await cluster.core.createNamespacedPod({ namespace, body: podManifest('solo') });
    const pod = await cluster.waitFor('solo running', () => running('solo'));
    const nodeName = pod.spec!.nodeName!;
    expect(cluster.simulation.nodeNames).toContain(nodeName);
    const eni = cluster.network.interfaceOfIp(pod.status!.podIP!)!;
    expect(eni.nodeName).toBe(nodeName);
    expect(eni.privateIps).toContainEqual({ address: pod.status!.podIP, primary: false });
    expect(pod.status!.hostIP).toBe(cluster.network.node(nodeName)!.hostIp);
    expect(pod.status!.podIPs).toEqual([{ ip: pod.status!.podIP }]);
    expect(pod.status!.conditions!.map((c) => `${c.type}=${c.status}`)).toEqual([
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(pod.status!.containerStatuses!.map((c) => [c.name, c.ready, Object.keys(c.state ?? {})])).toEqual([['app', true, ['running']]]);
  });

  test('pods spread over the least-loaded nodes and honour nodeSelector', async () => {
    const names = ['spread-a', 'spread-b'];
    await Promise.all(names.map((name) => cluster.core.createNamespacedPod({ namespace, body: podManifest(name) })));
    const pods = await cluster.waitFor('both running', () => names.every(running) && names.map((name) => running(name)!));
    const soloNode = running('solo')!.spec!.nodeName;
    const nodes = new Set([soloNode, ...pods.map((pod) => pod.spec!.nodeName)]);
    expect(nodes).toEqual(new Set(['node-1', 'node-2', 'node-3']));

    const pinned = podManifest('pinned', { spec: { nodeSelector: { 'kubernetes.io/hostname': 'node-2' } } });
    await cluster.core.createNamespacedPod({ namespace, body: pinned });
    expect((await cluster.waitFor('pinned running', () => running('pinned'))).spec!.nodeName).toBe('node-2');
  });

  test('a pod no node fits waits until a node gets the label its nodeSelector asks for', async () => {
    await cluster.core.createNamespacedPod({ namespace, body: podManifest('zoned', { spec: { nodeSelector: { zone: 'z1' } } }) });
    await cluster.core.patchNode({ name: 'node-3', body: { metadata: { labels: { zone: 'z1' } } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
    expect((await cluster.waitFor('zoned running', () => running('zoned'))).spec!.nodeName).toBe('node-3');
  });

  test('a readiness gate holds Ready False until its condition is set True through pods/status', async () => {
    await cluster.core.createNamespacedPod({ namespace, body: podManifest('gated', { spec: { readinessGates: [{ conditionType: GATE }] } }) });
    const pod = await cluster.waitFor('gated running', () => running('gated'));
    expect(condition(pod, 'ContainersReady')?.status).toBe('True');
    expect(condition(pod, 'Ready')).toEqual(expect.objectContaining({ status: 'False', reason: 'ReadinessGatesNotReady' }));

    await cluster.core.patchNamespacedPodStatus(
      { name: 'gated', namespace, body: { status: { conditions: [{ type: GATE, status: 'True', reason: 'EIPBound' }] } } },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    const ready = await cluster.waitFor('gated Ready', () => condition(cached('gated'), 'Ready')?.status === 'True' && cached('gated'));
    expect(condition(ready, GATE)).toEqual(expect.objectContaining({ status: 'True', reason: 'EIPBound' }));
  });

  test('a deleted pod terminates after the capped grace period, frees its IP and is removed', async () => {
    const pod = running('solo')!;
    const podIp = pod.status!.podIP!;
    const deleted = await cluster.core.deleteNamespacedPod({ name: 'solo', namespace });
    expect(deleted.metadata!.deletionTimestamp).toBeDefined();
    expect(deleted.metadata!.deletionGracePeriodSeconds).toBe(30);
    expect(cluster.network.interfaceOfIp(podIp)?.nodeName).toBe(pod.spec!.nodeName);

    await cluster.waitFor('solo gone', () => !cached('solo'), 5000);
    expect(cluster.network.interfaceOfIp(podIp)).toBeUndefined();
    await expect(cluster.core.readNamespacedPod({ name: 'solo', namespace })).rejects.toMatchObject({ code: 404 });
  });

  test('a pod annotated to exit ends Failed and frees its IP', async () => {
    const annotations = { [EXIT_AFTER_ANNOTATION]: '100ms', [EXIT_PHASE_ANNOTATION]: 'Failed' };
    await cluster.core.createNamespacedPod({ namespace, body: podManifest('crasher', { annotations }) });
    const pod = await cluster.waitFor('crasher failed', () => cached('crasher')?.status?.phase === 'Failed' && cached('crasher'));
    expect(pod.status!.containerStatuses![0]!.state!.terminated).toEqual(expect.objectContaining({ exitCode: 1, reason: 'Error' }));
    expect(condition(pod, 'Ready')?.status).toBe('False');
    expect(cluster.network.interfaceOfIp(pod.status!.podIP!)).toBeUndefined();
  });

  test('keeps working after its watches are dropped, expired or fail', async () => {
    cluster.server.hooks.dropAllWatches();
    cluster.server.hooks.expireNextWatch();
    cluster.server.hooks.injectFault({ method: 'GET', pathPattern: /^\/api\/v1\/pods/, status: 500, times: 2 });
    cluster.server.hooks.dropAllWatches();
    await cluster.core.createNamespacedPod({ namespace, body: podManifest('after-outage') });
    const pod = await cluster.waitFor('after-outage running', () => running('after-outage'));
    expect(cluster.network.interfaceOfIp(pod.status!.podIP!)?.nodeName).toBe(pod.spec!.nodeName);
  });

  test('writes a settled pod status once, not again on every event (no write loop)', () => {
    const statusWrites = (name: string) =>
      cluster.server.hooks.requestLog().filter((entry) => entry.verb === 'update' && entry.subresource === 'status' && entry.name === name && entry.status === 200).length;
    expect(statusWrites('pinned')).toBe(1);
    expect(statusWrites('gated')).toBe(2);
  });
});

describe('startup delay on an injected clock', () => {
  let cluster: SimulatedCluster;
  const clock = new ManualClock('2026-05-01T12:00:00Z');

  beforeAll(async () => {
    cluster = await startSimulatedCluster({ clock, startupDelayMs: 60_000, nodes: 1, nodeNamePrefix: 'slow-' });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  test('a pod waits in ContainerCreating until the delay has passed on the clock', async () => {
    await cluster.core.createNamespacedPod({ namespace, body: podManifest('late') });
    const creating = await cluster.waitFor('late creating', () => {
      const pod = cluster.cache.pods.get('late', namespace);
      return pod?.status?.containerStatuses?.[0]?.state?.waiting && pod;
    });
    expect(creating.spec!.nodeName).toBe('slow-1');
    expect(creating.status!.phase).toBe('Pending');
    expect(creating.status!.hostIP).toBe(cluster.network.node('slow-1')!.hostIp);
    expect(creating.status!.podIP).toBeUndefined();
    expect(cluster.network.node('slow-1')!.interfaces[0]!.privateIps).toHaveLength(1);

    clock.advance(60_000);
    const pod = await cluster.waitFor('late running', () => {
      const late = cluster.cache.pods.get('late', namespace);
      return late?.status?.podIP ? late : undefined;
    });
    expect(pod.status!.phase).toBe('Running');
    expect(new Date(pod.status!.startTime!).toISOString()).toBe('2026-05-01T12:00:00.000Z');
  });
});
