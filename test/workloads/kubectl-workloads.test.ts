import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startSimulatedCluster, type SimulatedCluster } from './simulated-cluster.js';

const run = promisify(execFile);
const namespace = 'default';

function statefulSetManifest(replicas: number, image: string): string {
  return JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'cache', namespace },
    spec: {
      replicas,
      serviceName: 'cache',
      selector: { matchLabels: { app: 'cache' } },
      template: { metadata: { labels: { app: 'cache' } }, spec: { containers: [{ name: 'redis', image }] } },
    },
  });
}

describe('kubectl against the local API server with the workload simulation', () => {
  let cluster: SimulatedCluster;
  const kubectl = async (args: string[], input?: string) => {
    const child = run('/usr/bin/kubectl', ['--kubeconfig', cluster.kubeconfigPath, ...args], { timeout: 20_000 });
    if (input !== undefined) child.child.stdin!.end(input);
    return (await child).stdout;
  };
  const cachePods = () => cluster.cache.pods.list(namespace).filter((pod) => pod.metadata?.labels?.app === 'cache');
  const runningCachePods = (images: string[]) => {
    const pods = cachePods();
    const running = pods.filter((pod) => pod.status?.phase === 'Running' && !pod.metadata?.deletionTimestamp);
    return pods.length === images.length && running.length === images.length && running.map((pod) => pod.spec!.containers[0]!.image).sort().join() === images.join();
  };

  beforeAll(async () => {
    cluster = await startSimulatedCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  test('apply --validate=false creates a StatefulSet whose pods run; a changed re-apply rolls them out', async () => {
    expect(await kubectl(['apply', '--validate=false', '-f', '-'], statefulSetManifest(2, 'redis:7.0'))).toBe('statefulset.apps/cache created\n');
    await cluster.waitFor('two cache pods on redis:7.0', () => runningCachePods(['redis:7.0', 'redis:7.0']));

    expect(await kubectl(['apply', '--validate=false', '-f', '-'], statefulSetManifest(3, 'redis:7.2'))).toBe('statefulset.apps/cache configured\n');
    await cluster.waitFor('three cache pods on redis:7.2', () => runningCachePods(['redis:7.2', 'redis:7.2', 'redis:7.2']), 15_000);
    expect(cachePods().map((pod) => pod.metadata!.name).sort()).toEqual(['cache-0', 'cache-1', 'cache-2']);
  });

  test('scale statefulset removes pods from the highest ordinal', async () => {
    expect(await kubectl(['scale', 'statefulset', 'cache', '--replicas=1'])).toBe('statefulset.apps/cache scaled\n');
    await cluster.waitFor('one cache pod', () => runningCachePods(['redis:7.2']));
    expect(cachePods().map((pod) => pod.metadata!.name)).toEqual(['cache-0']);
  });

  test('get pods -o wide shows each pod IP and node', async () => {
    const pod = cluster.cache.pods.get('cache-0', namespace)!;
    const output = await kubectl(['get', 'pods', '-o', 'wide']);
    const [header, ...rows] = output.trim().split('\n');
    expect(header!.split(/\s+/).slice(0, 7)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE']);
    const row = rows.find((line) => line.startsWith('cache-0 '))!.split(/\s+/);
    expect([row[0], row[1], row[2], row[5], row[6]]).toEqual(['cache-0', '1/1', 'Running', pod.status!.podIP, pod.spec!.nodeName]);
  });

  test('delete pod returns once the pod is gone, and the StatefulSet re-creates it under the same name', async () => {
    const old = cluster.cache.pods.get('cache-0', namespace)!;
    expect(await kubectl(['delete', 'pod', 'cache-0'])).toBe('pod "cache-0" deleted\n');
    const current = await cluster.core.readNamespacedPod({ name: 'cache-0', namespace }).catch(() => undefined);
    expect(current?.metadata?.uid).not.toBe(old.metadata!.uid);
    const replacement = await cluster.waitFor('new cache-0 running', () => {
      const pod = cluster.cache.pods.get('cache-0', namespace);
      return pod && pod.metadata!.uid !== old.metadata!.uid && pod.status?.phase === 'Running' && pod;
    });
    expect(replacement.spec!.containers[0]!.image).toBe('redis:7.2');
  });

  test('delete statefulset garbage-collects its pods', async () => {
    expect(await kubectl(['delete', 'statefulset', 'cache'])).toBe('statefulset.apps "cache" deleted\n');
    await cluster.waitFor('cache pods collected', () => cachePods().length === 0, 10_000);
    expect((await cluster.core.listNamespacedPod({ namespace, labelSelector: 'app=cache' })).items).toEqual([]);
  });
});
