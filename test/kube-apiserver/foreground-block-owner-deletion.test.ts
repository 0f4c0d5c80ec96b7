/**
 * Foreground cascading deletion (Kubernetes docs, "Garbage Collection" → "Foreground cascading
 * deletion"; kube-controller-manager garbagecollector processDeletingDependentsItem): the owner keeps
 * its foregroundDeletion finalizer only while dependents whose ownerReference has
 * `blockOwnerDeletion: true` exist; dependents without it are deleted but do not hold the owner.
 */
import { eventually } from '../integration/harness.js';
import { useLocalServer } from './local-server.js';

const HOLD = 'example.com/hold';

describe('local API server: foreground deletion honours blockOwnerDeletion', () => {
  const local = useLocalServer();
  const ownerGone = (name: string) => async () => (await local.apps.readNamespacedReplicaSet({ namespace: 'default', name }).catch((error) => error)).code === 404;
  const podOf = (name: string) => local.core.readNamespacedPod({ namespace: 'default', name });
  const release = (name: string) => local.core.patchNamespacedPod({ namespace: 'default', name, body: [{ op: 'remove', path: '/metadata/finalizers' }] });

  /** A ReplicaSet with one held pod (a finalizer keeps it Terminating) per `blocking` flag. */
  async function ownerWithHeldPods(name: string, blocking: boolean[]): Promise<void> {
    const template = { metadata: { labels: { rs: name } }, spec: { containers: [{ name: 'a', image: 'b' }] } };
    const owner = await local.apps.createNamespacedReplicaSet({ namespace: 'default', body: { metadata: { name }, spec: { selector: { matchLabels: { rs: name } }, template } } });
    for (const [index, blockOwnerDeletion] of blocking.entries()) {
      const ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name, uid: owner.metadata!.uid!, blockOwnerDeletion }];
      await local.core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: `${name}-${index}`, finalizers: [HOLD], ownerReferences }, spec: template.spec } });
    }
  }

  it('removes the owner while a dependent without blockOwnerDeletion is still terminating', async () => {
    await ownerWithHeldPods('loose', [false]);
    await local.apps.deleteNamespacedReplicaSet({ namespace: 'default', name: 'loose', propagationPolicy: 'Foreground' });
    await eventually('the owner removed', ownerGone('loose'));
    expect((await podOf('loose-0')).metadata).toMatchObject({ finalizers: [HOLD], deletionTimestamp: expect.any(Date) });
    await release('loose-0');
  });

  it('keeps the owner until its blocking dependent is gone, deleting that dependent in the foreground', async () => {
    await ownerWithHeldPods('tight', [true, false]);
    await local.apps.deleteNamespacedReplicaSet({ namespace: 'default', name: 'tight', propagationPolicy: 'Foreground' });
    await eventually('both dependents terminating', async () => Boolean((await podOf('tight-0')).metadata!.deletionTimestamp && (await podOf('tight-1')).metadata!.deletionTimestamp));
    await release('tight-1');
    await eventually('the non-blocking dependent gone', async () => (await podOf('tight-1').catch((error) => error)).code === 404);
    expect((await local.apps.readNamespacedReplicaSet({ namespace: 'default', name: 'tight' })).metadata!.finalizers).toEqual(['foregroundDeletion']);
    await release('tight-0');
    await eventually('the owner removed', ownerGone('tight'));
  });
});
