/**
 * Namespace deletion as kube-apiserver and the namespace controller do it (Kubernetes docs,
 * "Namespaces" / namespace lifecycle; pkg/registry/core/namespace and pkg/controller/namespace):
 * a deleted namespace is Terminating with spec.finalizers ["kubernetes"], its contents are deleted
 * honouring their finalizers, then the namespace goes once its own finalizers are gone. Creating in a
 * Terminating namespace is refused by the NamespaceLifecycle admission plugin (403 Forbidden, cause
 * NamespaceTerminating).
 */
import { eventually } from '../integration/harness.js';
import { useLocalServer } from './local-server.js';

const pod = (name: string, finalizers?: string[]) => ({ metadata: { name, finalizers }, spec: { containers: [{ name: 'a', image: 'b' }] } });

describe('local API server: namespace termination', () => {
  const local = useLocalServer();
  const gone = (name: string) => async () => (await local.core.readNamespace({ name }).catch((error) => error)).code === 404;

  it('creates namespaces with the kubernetes spec finalizer and the Active phase', async () => {
    const created = await local.core.createNamespace({ body: { metadata: { name: 'fresh' }, spec: { finalizers: ['example.com/x'] } } });
    expect(created.spec!.finalizers).toEqual(['example.com/x', 'kubernetes']);
    expect(created.status!.phase).toBe('Active');
  });

  it('keeps a deleted namespace Terminating until an object finalizer in it is removed, refusing new content meanwhile', async () => {
    await local.core.createNamespace({ body: { metadata: { name: 'doomed' } } });
    await local.core.createNamespacedPod({ namespace: 'doomed', body: pod('held', ['example.com/hold']) });
    await local.core.createNamespacedPod({ namespace: 'doomed', body: pod('free') });
    const deleted = (await (await fetch(`${local.server.url}/api/v1/namespaces/doomed`, { method: 'DELETE' })).json()) as any;
    expect(deleted).toMatchObject({ kind: 'Namespace', status: { phase: 'Terminating' }, spec: { finalizers: ['kubernetes'] } });
    expect(deleted.metadata.deletionTimestamp).toEqual(expect.any(String));
    await eventually('the pod without finalizers deleted', async () => (await local.core.listNamespacedPod({ namespace: 'doomed' })).items.length === 1);
    const held = await local.core.readNamespacedPod({ namespace: 'doomed', name: 'held' });
    expect(held.metadata!.deletionTimestamp).toBeInstanceOf(Date);
    expect((await local.core.readNamespace({ name: 'doomed' })).status!.phase).toBe('Terminating');

    const refused = await fetch(`${local.server.url}/api/v1/namespaces/doomed/pods`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(pod('late')) });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods "late" is forbidden: unable to create new content in namespace doomed because it is being terminated',
      reason: 'Forbidden',
      details: { name: 'late', kind: 'pods', causes: [{ reason: 'NamespaceTerminating', message: 'namespace doomed is being terminated', field: 'metadata.namespace' }] },
      code: 403,
    });

    await local.core.patchNamespacedPod({ namespace: 'doomed', name: 'held', body: [{ op: 'remove', path: '/metadata/finalizers' }] });
    await eventually('the namespace removed', gone('doomed'));
  });

  it('keeps an emptied namespace until its own metadata finalizers are removed', async () => {
    await local.core.createNamespace({ body: { metadata: { name: 'kept', finalizers: ['example.com/keep'] } } });
    await local.core.deleteNamespace({ name: 'kept' });
    await eventually('the kubernetes finalizer removed', async () => (await local.core.readNamespace({ name: 'kept' })).spec!.finalizers!.length === 0);
    expect((await local.core.readNamespace({ name: 'kept' })).metadata!.finalizers).toEqual(['example.com/keep']);
    await local.core.patchNamespace({ name: 'kept', body: [{ op: 'remove', path: '/metadata/finalizers' }] });
    await eventually('the namespace removed', gone('kept'));
  });
});
