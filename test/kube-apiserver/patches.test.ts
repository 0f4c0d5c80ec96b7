import { PatchStrategy, setHeaderOptions, type V1Pod } from '@kubernetes/client-node';
import { useLocalServer } from './local-server.js';
import { createWidgetCrd } from './widget-crd.js';

const basePod: V1Pod = {
  metadata: { name: 'web', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'a', uid: 'uid-a' }] },
  spec: {
    containers: [
      { name: 'app', image: 'nginx:1.27', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }] },
      { name: 'sidecar', image: 'busybox:1.36' },
    ],
    readinessGates: [{ conditionType: 'podeip.io/ready' }],
  },
};

describe('local API server: PATCH by content type', () => {
  const local = useLocalServer();
  let counter = 0;


  const createSet = (name: string) =>
    local.apps.createNamespacedStatefulSet({
      namespace: 'default',
      body: {
        metadata: { ...basePod.metadata, name },
        spec: { serviceName: name, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: basePod.spec } },
      },
    });

  const patchSet = (name: string, body: unknown, strategy: PatchStrategy) =>
    local.apps.patchNamespacedStatefulSet({ name, namespace: 'default', body }, setHeaderOptions('Content-Type', strategy));

  async function freshPod(): Promise<string> {
    const name = `web-${++counter}`;
    await local.core.createNamespacedPod({ namespace: 'default', body: { ...basePod, metadata: { ...basePod.metadata, name } } });
    return name;
  }

  const patchPod = (name: string, body: unknown, strategy: PatchStrategy) =>
    local.core.patchNamespacedPod({ name, namespace: 'default', body }, setHeaderOptions('Content-Type', strategy));

  it('applies a JSON patch, and answers 422 when its test operation fails', async () => {
    const name = await freshPod();
    const patched = await local.core.patchNamespacedPod({
      name,
      namespace: 'default',
      body: [
        { op: 'test', path: '/metadata/labels/app', value: 'web' },
        { op: 'add', path: '/metadata/annotations', value: { note: 'x' } },
      ],
    });
    expect(patched.metadata!.annotations).toEqual({ note: 'x' });
    const error = await local.core
      .patchNamespacedPod({ name, namespace: 'default', body: [{ op: 'test', path: '/metadata/labels/app', value: 'db' }] })
      .catch((e) => e);
    expect(error.code).toBe(422);
    expect(local.server.hooks.requestLog().at(-1)).toMatchObject({ verb: 'patch', contentType: 'application/json-patch+json', status: 422 });
  });

  it('applies a merge patch, where null deletes and lists are replaced', async () => {
    await createSet('merge');
    const patched = await patchSet('merge', { metadata: { labels: { app: null, tier: 'front' } }, spec: { template: { spec: { readinessGates: [] } } } }, PatchStrategy.MergePatch);
    expect(patched.metadata!.labels).toEqual({ tier: 'front' });
    expect(patched.spec!.template.spec!.readinessGates).toEqual([]);
    expect(patched.spec!.template.spec!.containers).toHaveLength(2);
  });

  it('merges the lists of a strategic merge patch by their merge keys', async () => {
    await createSet('strategic');
    const patched = await patchSet(
      'strategic',
      {
        metadata: { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'b', uid: 'uid-b' }] },
        spec: {
          template: {
            spec: {
              containers: [{ name: 'app', image: 'nginx:1.28', env: [{ name: 'B', value: 'two' }, { name: 'C', value: '3' }, { name: 'A', $patch: 'delete' }] }],
            },
          },
        },
      },
      PatchStrategy.StrategicMergePatch,
    );
    expect(patched.metadata!.ownerReferences!.map((reference) => reference.uid)).toEqual(['uid-a', 'uid-b']);
    const containers = patched.spec!.template.spec!.containers;
    expect(containers.map((container) => `${container.name}=${container.image}`)).toEqual(['app=nginx:1.28', 'sidecar=busybox:1.36']);
    expect(containers[0]!.env).toEqual([{ name: 'B', value: 'two' }, { name: 'C', value: '3' }]);
    expect(containers[0]!.ports).toEqual([{ containerPort: 80 }]);
  });

  it('merges pod status conditions by type through the status subresource', async () => {
    const name = await freshPod();
    const patch = (conditions: object[]) =>
      local.core.patchNamespacedPodStatus({ name, namespace: 'default', body: { status: { conditions } } }, setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch));
    await patch([{ type: 'Ready', status: 'False' }, { type: 'PodScheduled', status: 'True' }]);
    const patched = await patch([{ type: 'Ready', status: 'True' }, { type: 'podeip.io/ready', status: 'True' }]);
    expect(patched.status!.conditions!.map((condition) => `${condition.type}=${condition.status}`)).toEqual([
      'Ready=True',
      'PodScheduled=True',
      'podeip.io/ready=True',
    ]);
  });

  it('honours $setElementOrder and $retainKeys as kubectl sends them', async () => {
    await createSet('directives');
    const patched = await patchSet(
      'directives',
      {
        metadata: { labels: { $retainKeys: ['app'], app: 'web' } },
        spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'app' }] } } },
      },
      PatchStrategy.StrategicMergePatch,
    );
    expect(patched.spec!.template.spec!.containers.map((container) => container.name)).toEqual(['sidecar', 'app']);
    expect(patched.metadata!.labels).toEqual({ app: 'web' });
  });

  it('creates with an apply patch, then merges the applied configuration', async () => {
    const apply = (labels: object) =>
      patchPod('applied', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'applied', labels }, spec: basePod.spec }, PatchStrategy.ServerSideApply);
    const created = await local.core.patchNamespacedPod(
      { name: 'applied', namespace: 'default', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'applied' }, spec: basePod.spec }, fieldManager: 'test' },
      setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply),
    );
    expect(created.metadata!.uid).toBeDefined();
    const merged = await apply({ owner: 'me' });
    expect(merged.metadata!.labels).toEqual({ owner: 'me' });
    expect(merged.metadata!.uid).toBe(created.metadata!.uid);
  });

  it('answers 415 to an unknown patch type, and to a strategic merge patch of a custom resource', async () => {
    const name = await freshPod();
    const response = await fetch(`${local.server.url}/api/v1/namespaces/default/pods/${name}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ kind: 'Status', reason: 'UnsupportedMediaType', code: 415 });
    await createWidgetCrd(local.server);
    await local.custom.createNamespacedCustomObject({
      group: 'example.com',
      version: 'v1',
      namespace: 'default',
      plural: 'widgets',
      body: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 1 } },
    });
    const error = await local.custom
      .patchNamespacedCustomObject(
        { group: 'example.com', version: 'v1', namespace: 'default', plural: 'widgets', name: 'w', body: { spec: { size: 2 } } },
        setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
      )
      .catch((e) => e);
    expect(error.code).toBe(415);
  });

  it('answers 409 to a merge patch that carries a stale resourceVersion', async () => {
    const name = await freshPod();
    const error = await patchPod(name, { metadata: { resourceVersion: '1', labels: { x: 'y' } } }, PatchStrategy.MergePatch).catch((e) => e);
    expect(error.code).toBe(409);
  });
});
