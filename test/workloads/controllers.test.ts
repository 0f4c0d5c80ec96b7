import { PatchStrategy, setHeaderOptions, type V1Pod } from '@kubernetes/client-node';
import { templateHash } from '../../hack/workloads/names.js';
import { startSimulatedCluster, type SimulatedCluster } from './simulated-cluster.js';

const namespace = 'default';
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const template = (app: string) => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
});

describe('StatefulSet, Deployment and ReplicaSet controllers', () => {
  let cluster: SimulatedCluster;
  const podsOf = (app: string) => cluster.cache.pods.list(namespace).filter((pod) => pod.metadata?.labels?.app === app);
  const runningNames = (app: string) =>
    podsOf(app)
      .filter((pod) => pod.status?.phase === 'Running' && !pod.metadata?.deletionTimestamp)
      .map((pod) => pod.metadata!.name!)
      .sort();
  const exactly = (app: string, names: string[]) => JSON.stringify(runningNames(app)) === JSON.stringify(names) && podsOf(app).length === names.length;

  beforeAll(async () => {
    cluster = await startSimulatedCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  test('a StatefulSet creates <name>-<ordinal> pods it controls, and reports them in its status', async () => {
    const created = await cluster.apps.createNamespacedStatefulSet({
      namespace,
      body: { metadata: { name: 'db', namespace }, spec: { replicas: 2, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: template('db') } },
    });
    await cluster.waitFor('db-0 and db-1 running', () => exactly('db', ['db-0', 'db-1']));
    const pod = cluster.cache.pods.get('db-1', namespace)!;
    expect(pod.metadata!.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: created.metadata!.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(pod.metadata!.labels).toEqual(expect.objectContaining({ app: 'db', 'statefulset.kubernetes.io/pod-name': 'db-1', 'apps.kubernetes.io/pod-index': '1' }));
    expect(pod.spec!.hostname).toBe('db-1');
    expect(pod.spec!.subdomain).toBe('db');
    const status = await cluster.waitFor('db status', () => {
      const set = cluster.cache.statefulSets.get('db', namespace);
      return set?.status?.readyReplicas === 2 && set.status;
    });
    expect(status).toEqual(expect.objectContaining({ replicas: 2, readyReplicas: 2, availableReplicas: 2, currentReplicas: 2, updatedReplicas: 2, observedGeneration: 1 }));
  });

  test('a StatefulSet scales up, then down from the highest ordinal', async () => {
    await cluster.apps.patchNamespacedStatefulSet({ name: 'db', namespace, body: { spec: { replicas: 3 } } }, mergePatch);
    await cluster.waitFor('db scaled to 3', () => exactly('db', ['db-0', 'db-1', 'db-2']));
    await cluster.apps.patchNamespacedStatefulSet({ name: 'db', namespace, body: { spec: { replicas: 1 } } }, mergePatch);
    await cluster.waitFor('db scaled to 1', () => exactly('db', ['db-0']), 5000);
    const set = await cluster.waitFor('db status 1', () => cluster.cache.statefulSets.get('db', namespace)?.status?.replicas === 1 && cluster.cache.statefulSets.get('db', namespace));
    expect(set.status).toEqual(expect.objectContaining({ replicas: 1, readyReplicas: 1, observedGeneration: 3 }));
  });

  test('a deleted StatefulSet pod comes back under the same name as a new pod', async () => {
    const old = cluster.cache.pods.get('db-0', namespace)!;
    await cluster.core.deleteNamespacedPod({ name: 'db-0', namespace });
    const replacement = await cluster.waitFor('new db-0 running', () => {
      const pod = cluster.cache.pods.get('db-0', namespace);
      return pod && pod.metadata!.uid !== old.metadata!.uid && pod.status?.phase === 'Running' && pod;
    });
    expect(replacement.metadata!.name).toBe('db-0');
    expect(replacement.status!.podIP).toMatch(/^10\.0\.\d+\.\d+$/);
  });

  test('a StatefulSet pod that failed is deleted and re-created', async () => {
    const old = cluster.cache.pods.get('db-0', namespace)!;
    await cluster.core.patchNamespacedPodStatus({ name: 'db-0', namespace, body: { status: { phase: 'Failed' } } }, mergePatch);
    const replacement = await cluster.waitFor('db-0 running again', () => {
      const pod = cluster.cache.pods.get('db-0', namespace);
      return pod && pod.metadata!.uid !== old.metadata!.uid && pod.status?.phase === 'Running' && pod;
    });
    expect(replacement.metadata!.labels!['statefulset.kubernetes.io/pod-name']).toBe('db-0');
  });

  test('a Deployment creates a ReplicaSet named by its template hash, whose pods get random suffixes', async () => {
    const deployment = await cluster.apps.createNamespacedDeployment({
      namespace,
      body: { metadata: { name: 'web', namespace }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template('web') } },
    });
    const rsName = `web-${templateHash(deployment.spec!.template)}`;
    const replicaSet = await cluster.waitFor('web replicaset', () => cluster.cache.replicaSets.get(rsName, namespace));
    expect(replicaSet.metadata!.ownerReferences![0]).toEqual(expect.objectContaining({ kind: 'Deployment', name: 'web', uid: deployment.metadata!.uid, controller: true }));
    expect(replicaSet.spec!.selector!.matchLabels).toEqual({ app: 'web', 'pod-template-hash': templateHash(deployment.spec!.template) });

    await cluster.waitFor('two web pods running', () => runningNames('web').length === 2 && podsOf('web').length === 2);
    const names = runningNames('web');
    for (const name of names) expect(name).toMatch(new RegExp(`^${rsName}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(podsOf('web')[0]!.metadata!.ownerReferences![0]).toEqual(expect.objectContaining({ kind: 'ReplicaSet', name: rsName, uid: replicaSet.metadata!.uid }));

    await cluster.core.deleteNamespacedPod({ name: names[0]!, namespace });
    const after = await cluster.waitFor('a replacement web pod', () => {
      const current = runningNames('web');
      return current.length === 2 && !current.includes(names[0]!) && podsOf('web').length === 2 && current;
    });
    expect(after).toContain(names[1]);
    const status = await cluster.waitFor('web deployment status', () => {
      const current = cluster.cache.deployments.get('web', namespace);
      return current?.status?.availableReplicas === 2 && current.status;
    });
    expect(status).toEqual(expect.objectContaining({ replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 }));
  });

  test('a Deployment template change moves all replicas to a new ReplicaSet and scales the old one to zero', async () => {
    const oldHash = templateHash(cluster.cache.deployments.get('web', namespace)!.spec!.template);
    const patched = await cluster.apps.patchNamespacedDeployment(
      { name: 'web', namespace, body: { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:1.28' }] } } } } },
      mergePatch,
    );
    const newHash = templateHash(patched.spec!.template);
    await cluster.waitFor('web pods on the new template', () => {
      const pods: V1Pod[] = podsOf('web');
      return pods.length === 2 && pods.every((pod) => pod.metadata!.labels!['pod-template-hash'] === newHash && pod.status?.phase === 'Running');
    });
    expect(cluster.cache.replicaSets.get(`web-${oldHash}`, namespace)!.spec!.replicas).toBe(0);
    expect(cluster.cache.replicaSets.get(`web-${newHash}`, namespace)!.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('2');
  });
});
