import { PatchStrategy, setHeaderOptions, type V1Pod } from '@kubernetes/client-node';
import { useLocalServer } from './local-server.js';

const start = new Date('2026-11-21T10:00:00Z');
const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

const pod = (name: string, extra: Partial<V1Pod['spec']> = {}, metadata: V1Pod['metadata'] = {}): V1Pod => ({
  metadata: { name, ...metadata },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...extra },
});

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setImmediate(resolve));
}

describe('local API server: deletion, finalizers, garbage collection', () => {
  const local = useLocalServer({ now: () => start });


  const exists = async (name: string) =>
    local.core.readNamespacedPod({ name, namespace: 'default' }).then(
      () => true,
      () => false,
    );

  async function scheduledPod(name: string, spec: Partial<V1Pod['spec']> = {}): Promise<V1Pod> {
    await local.core.createNamespacedPod({ namespace: 'default', body: pod(name, spec) });
    await local.core.createNamespacedPodBinding({ name, namespace: 'default', body: { metadata: { name }, target: { kind: 'Node', name: 'node-a' } } });
    return local.core.readNamespacedPod({ name, namespace: 'default' });
  }

  it('removes an unscheduled pod at once', async () => {
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('unscheduled') });
    await local.core.deleteNamespacedPod({ name: 'unscheduled', namespace: 'default' });
    expect(await exists('unscheduled')).toBe(false);
  });

  it('deletes a scheduled pod gracefully: deletionTimestamp now + grace, gone after a DELETE with grace 0', async () => {
    await scheduledPod('graceful', { terminationGracePeriodSeconds: 20 });
    const terminating = await local.core.deleteNamespacedPod({ name: 'graceful', namespace: 'default' });
    expect(terminating.metadata!.deletionTimestamp).toEqual(new Date('2026-11-21T10:00:20Z'));
    expect(terminating.metadata!.deletionGracePeriodSeconds).toBe(20);
    const shortened = await local.core.deleteNamespacedPod({ name: 'graceful', namespace: 'default', gracePeriodSeconds: 5 });
    expect(shortened.metadata!.deletionGracePeriodSeconds).toBe(5);
    expect(await exists('graceful')).toBe(true);
    await local.core.deleteNamespacedPod({ name: 'graceful', namespace: 'default', gracePeriodSeconds: 0 });
    expect(await exists('graceful')).toBe(false);
  });

  it('takes the grace period from DeleteOptions in the body', async () => {
    await scheduledPod('body-grace');
    const terminating = await local.core.deleteNamespacedPod({ name: 'body-grace', namespace: 'default', body: { gracePeriodSeconds: 7 } });
    expect(terminating.metadata!.deletionGracePeriodSeconds).toBe(7);
  });

  it('keeps an object with finalizers until the last one is removed, bumping generation on delete', async () => {
    await local.apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'held', finalizers: ['example.com/hold'] },
        spec: { selector: { matchLabels: { app: 'held' } }, template: { metadata: { labels: { app: 'held' } }, spec: pod('x').spec } },
      },
    });
    await local.apps.deleteNamespacedDeployment({ name: 'held', namespace: 'default' });
    const deleting = await local.apps.readNamespacedDeployment({ name: 'held', namespace: 'default' });
    expect(deleting.metadata!.deletionTimestamp).toEqual(start);
    expect(deleting.metadata!.generation).toBe(2);
    const added = await local.apps
      .patchNamespacedDeployment({ name: 'held', namespace: 'default', body: { metadata: { finalizers: ['example.com/hold', 'example.com/more'] } } }, merge)
      .catch((e) => e);
    expect(added.code).toBe(422);
    await local.apps.patchNamespacedDeployment({ name: 'held', namespace: 'default', body: { metadata: { finalizers: null } } }, merge);
    const error = await local.apps.readNamespacedDeployment({ name: 'held', namespace: 'default' }).catch((e) => e);
    expect(error.code).toBe(404);
  });

  it('keeps a pod deleted with grace 0 while it has a finalizer', async () => {
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('finalized', {}, { finalizers: ['podeip.io/eip'] }) });
    await local.core.deleteNamespacedPod({ name: 'finalized', namespace: 'default', gracePeriodSeconds: 0 });
    expect(await exists('finalized')).toBe(true);
    await local.core.patchNamespacedPod({ name: 'finalized', namespace: 'default', body: [{ op: 'remove', path: '/metadata/finalizers' }] });
    expect(await exists('finalized')).toBe(false);
  });

  async function ownerWithPods(name: string): Promise<string> {
    const owner = await local.apps.createNamespacedReplicaSet({
      namespace: 'default',
      body: {
        metadata: { name },
        spec: { replicas: 2, selector: { matchLabels: { rs: name } }, template: { metadata: { labels: { rs: name } }, spec: pod('x').spec } },
      },
    });
    const ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name, uid: owner.metadata!.uid!, controller: true, blockOwnerDeletion: true }];
    for (const suffix of ['a', 'b']) {
      await local.core.createNamespacedPod({ namespace: 'default', body: pod(`${name}-${suffix}`, {}, { ownerReferences, labels: { rs: name } }) });
    }
    return owner.metadata!.uid!;
  }

  const podsOf = async (owner: string) =>
    (await local.core.listNamespacedPod({ namespace: 'default', labelSelector: `rs=${owner}` })).items.map((item) => item.metadata!.name);

  it('garbage-collects dependents in the background', async () => {
    await ownerWithPods('bg');
    await local.apps.deleteNamespacedReplicaSet({ name: 'bg', namespace: 'default' });
    await until(async () => (await podsOf('bg')).length === 0);
  });

  it('orphans dependents when asked, removing their ownerReferences', async () => {
    await ownerWithPods('orphaner');
    await local.apps.deleteNamespacedReplicaSet({ name: 'orphaner', namespace: 'default', propagationPolicy: 'Orphan' });
    await until(() => local.apps.readNamespacedReplicaSet({ name: 'orphaner', namespace: 'default' }).then(() => false, () => true));
    const pods = await local.core.listNamespacedPod({ namespace: 'default', labelSelector: 'rs=orphaner' });
    expect(pods.items.map((item) => [item.metadata!.name, item.metadata!.ownerReferences])).toEqual([
      ['orphaner-a', undefined],
      ['orphaner-b', undefined],
    ]);
  });

  it('deletes in the foreground: the owner stays until its dependents are gone', async () => {
    await ownerWithPods('fg');
    for (const name of ['fg-a', 'fg-b']) {
      await local.core.createNamespacedPodBinding({ name, namespace: 'default', body: { metadata: { name }, target: { kind: 'Node', name: 'node-a' } } });
    }
    await local.apps.deleteNamespacedReplicaSet({ name: 'fg', namespace: 'default', propagationPolicy: 'Foreground' });
    const terminatingPods = async () =>
      (await local.core.listNamespacedPod({ namespace: 'default', labelSelector: 'rs=fg' })).items.filter((item) => item.metadata!.deletionTimestamp).length;
    await until(async () => (await terminatingPods()) === 2);
    const owner = await local.apps.readNamespacedReplicaSet({ name: 'fg', namespace: 'default' });
    expect(owner.metadata!.finalizers).toEqual(['foregroundDeletion']);
    for (const name of ['fg-a', 'fg-b']) await local.core.deleteNamespacedPod({ name, namespace: 'default', gracePeriodSeconds: 0 });
    await until(() => local.apps.readNamespacedReplicaSet({ name: 'fg', namespace: 'default' }).then(() => false, () => true));
  });

  it('does not collect a dependent that still has a live owner', async () => {
    const first = await ownerWithPods('first');
    const second = await local.apps.createNamespacedReplicaSet({
      namespace: 'default',
      body: { metadata: { name: 'second' }, spec: { selector: { matchLabels: { rs: 'second' } }, template: { metadata: { labels: { rs: 'second' } }, spec: pod('x').spec } } },
    });
    const ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'first', uid: first },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'second', uid: second.metadata!.uid! },
    ];
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('shared', {}, { ownerReferences, labels: { rs: 'first' } }) });
    await local.apps.deleteNamespacedReplicaSet({ name: 'first', namespace: 'default' });
    await until(async () => (await podsOf('first')).length === 1);
    expect(await podsOf('first')).toEqual(['shared']);
  });
});
