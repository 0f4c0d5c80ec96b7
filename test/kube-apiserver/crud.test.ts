import { PatchStrategy, setHeaderOptions, type V1Pod } from '@kubernetes/client-node';
import { useLocalServer } from './local-server.js';

const pod = (name: string, labels: Record<string, string> = {}): V1Pod => ({
  metadata: { name, labels },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
});

describe('local API server: create, read, update', () => {
  const local = useLocalServer();


  it('creates a pod with server-set metadata, defaults and a Pending status', async () => {
    const created = await local.core.createNamespacedPod({ namespace: 'default', body: pod('web-0') });
    expect(created.metadata!.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata!.resourceVersion).toMatch(/^\d+$/);
    expect(created.metadata!.creationTimestamp).toBeInstanceOf(Date);
    expect(created.metadata!.namespace).toBe('default');
    expect(created.spec!.terminationGracePeriodSeconds).toBe(30);
    expect(created.status!.phase).toBe('Pending');
    const read = await local.core.readNamespacedPod({ name: 'web-0', namespace: 'default' });
    expect(read.metadata!.uid).toBe(created.metadata!.uid);
  });

  it('answers 404 NotFound and 409 AlreadyExists with Status bodies', async () => {
    await expect(local.core.readNamespacedPod({ name: 'missing', namespace: 'default' })).rejects.toMatchObject({
      code: 404,
      body: expect.stringContaining('"reason":"NotFound"'),
    });
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('dup') });
    const error = await local.core.createNamespacedPod({ namespace: 'default', body: pod('dup') }).catch((e) => e);
    expect(error.code).toBe(409);
    expect(JSON.parse(error.body)).toMatchObject({ kind: 'Status', reason: 'AlreadyExists', message: 'pods "dup" already exists', code: 409 });
  });

  it('rejects a create in a namespace that does not exist', async () => {
    const error = await local.core.createNamespacedPod({ namespace: 'nowhere', body: pod('p') }).catch((e) => e);
    expect(error.code).toBe(404);
    expect(JSON.parse(error.body).message).toBe('namespaces "nowhere" not found');
  });

  it('answers 404 to unknown resources and 405 to a namespaced create without a namespace', async () => {
    expect((await fetch(`${local.server.url}/apis/example.com/v1/things`)).status).toBe(404);
    expect((await fetch(`${local.server.url}/api/v1/namespaces/default/secrets`)).status).toBe(404);
    const response = await fetch(`${local.server.url}/api/v1/pods`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(pod('p')) });
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ kind: 'Status', reason: 'MethodNotAllowed', code: 405 });
  });

  it('rejects an invalid pod with 422 and field paths', async () => {
    const error = await local.core
      .createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'Bad_Name' }, spec: { containers: [{ name: 'c' } as never] } } })
      .catch((e) => e);
    expect(error.code).toBe(422);
    const status = JSON.parse(error.body);
    expect(status.reason).toBe('Invalid');
    expect(status.details.causes.map((cause: { field: string }) => cause.field)).toEqual(['metadata.name', 'spec.containers[0].image']);
  });

  it('answers 409 Conflict to an update with a stale resourceVersion', async () => {
    const created = await local.core.createNamespacedPod({ namespace: 'default', body: pod('stale') });
    await local.core.patchNamespacedPod(
      { name: 'stale', namespace: 'default', body: { metadata: { labels: { a: 'b' } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const error = await local.core.replaceNamespacedPod({ name: 'stale', namespace: 'default', body: created }).catch((e) => e);
    expect(error.code).toBe(409);
    expect(JSON.parse(error.body)).toMatchObject({ reason: 'Conflict', message: expect.stringContaining('the object has been modified') });
  });

  it('keeps status on main writes and changes only status on status writes', async () => {
    const created = await local.core.createNamespacedPod({ namespace: 'default', body: pod('status') });
    const withStatus = await local.core.replaceNamespacedPodStatus({
      name: 'status',
      namespace: 'default',
      body: { ...created, metadata: { ...created.metadata, labels: { ignored: 'yes' } }, status: { phase: 'Running', podIP: '10.0.0.11' } },
    });
    expect(withStatus.status).toEqual({ phase: 'Running', podIP: '10.0.0.11' });
    expect(withStatus.metadata!.labels).toEqual({});
    const mainWrite = await local.core.replaceNamespacedPod({
      name: 'status',
      namespace: 'default',
      body: { ...withStatus, metadata: { ...withStatus.metadata, labels: { kept: 'yes' } }, status: { phase: 'Failed' } },
    });
    expect(mainWrite.status!.phase).toBe('Running');
    expect(mainWrite.metadata!.labels).toEqual({ kept: 'yes' });
  });

  it('forbids changing a pod spec except images', async () => {
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('immutable') });
    const patch = (body: object) =>
      local.core.patchNamespacedPod({ name: 'immutable', namespace: 'default', body }, setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch));
    const updated = await patch({ spec: { containers: [{ name: 'app', image: 'nginx:1.28' }] } });
    expect(updated.spec!.containers[0]!.image).toBe('nginx:1.28');
    const error = await patch({ spec: { nodeName: 'node-a' } }).catch((e) => e);
    expect(error.code).toBe(422);
    expect(JSON.parse(error.body).details.causes[0].field).toBe('spec');
  });

  it('binds a pod to a node once through pods/binding', async () => {
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('bind-me') });
    const binding = { metadata: { name: 'bind-me' }, target: { kind: 'Node', name: 'node-a' } };
    await local.core.createNamespacedBinding({ namespace: 'default', body: binding });
    const bound = await local.core.readNamespacedPod({ name: 'bind-me', namespace: 'default' });
    expect(bound.spec!.nodeName).toBe('node-a');
    const again = await local.core.createNamespacedPodBinding({ name: 'bind-me', namespace: 'default', body: binding }).catch((e) => e);
    expect(again.code).toBe(409);
  });

  it('bumps generation on spec changes only, and scale writes spec.replicas', async () => {
    const set = await local.apps.createNamespacedStatefulSet({
      namespace: 'default',
      body: {
        metadata: { name: 'db' },
        spec: { serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: pod('x').spec } },
      },
    });
    expect(set.metadata!.generation).toBe(1);
    expect(set.spec!.replicas).toBe(1);
    const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    const labelled = await local.apps.patchNamespacedStatefulSet({ name: 'db', namespace: 'default', body: { metadata: { labels: { tier: 'data' } } } }, merge);
    expect(labelled.metadata!.generation).toBe(1);
    const scale = await local.apps.patchNamespacedStatefulSetScale({ name: 'db', namespace: 'default', body: { spec: { replicas: 3 } } }, merge);
    expect(scale).toMatchObject({ kind: 'Scale', spec: { replicas: 3 }, status: { selector: 'app=db' } });
    const scaled = await local.apps.readNamespacedStatefulSet({ name: 'db', namespace: 'default' });
    expect(scaled.spec!.replicas).toBe(3);
    expect(scaled.metadata!.generation).toBe(2);
    const status = await local.apps.patchNamespacedStatefulSetStatus({ name: 'db', namespace: 'default', body: { status: { replicas: 3, readyReplicas: 2 } } }, merge);
    expect(status.metadata!.generation).toBe(2);
    expect(status.status!.readyReplicas).toBe(2);
  });

  it('does not change the resourceVersion for a write that changes nothing', async () => {
    const created = await local.core.createNamespacedPod({ namespace: 'default', body: pod('noop', { a: '1' }) });
    const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    const same = await local.core.patchNamespacedPod({ name: 'noop', namespace: 'default', body: { metadata: { labels: { a: '1' } } } }, merge);
    expect(same.metadata!.resourceVersion).toBe(created.metadata!.resourceVersion);
  });
});
