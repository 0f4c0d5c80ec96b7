import { PatchStrategy, Watch, setHeaderOptions } from '@kubernetes/client-node';
import { performance } from 'node:perf_hooks';
import { useLocalServer } from './local-server.js';

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('local API server: test hooks', () => {
  const local = useLocalServer();

  afterEach(() => local.server.hooks.clearFaults());

  it('fails matching requests with an injected status the given number of times', async () => {
    local.server.hooks.injectFault({ method: 'GET', pathPattern: /^\/api\/v1\/namespaces\/default\/pods$/, status: 429, times: 1 });
    const error = await local.core.listNamespacedPod({ namespace: 'default' }).catch((e) => e);
    expect(error.code).toBe(429);
    expect(JSON.parse(error.body)).toMatchObject({ kind: 'Status', reason: 'TooManyRequests', code: 429 });
    expect((await local.core.listNamespacedPod({ namespace: 'default' })).items).toEqual([]);
  });

  it('delays matching requests by the injected latency', async () => {
    local.server.hooks.injectFault({ pathPattern: /\/namespaces\/default$/, latencyMs: 150 });
    const started = performance.now();
    await local.core.readNamespace({ name: 'default' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('logs each request with its RBAC verb, group, resource, subresource, namespace and user', async () => {
    local.server.hooks.clearRequestLog();
    await local.apps
      .patchNamespacedStatefulSetScale({ name: 'none', namespace: 'default', body: { spec: { replicas: 1 } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch))
      .catch(() => undefined);
    await local.core.listNode();
    await local.core.deleteCollectionNamespacedPod({ namespace: 'default' });
    expect(local.server.hooks.requestLog()).toEqual([
      {
        verb: 'patch',
        path: '/apis/apps/v1/namespaces/default/statefulsets/none/scale',
        query: '',
        contentType: 'application/merge-patch+json',
        status: 404,
        user: 'admin',
        apiGroup: 'apps',
        resource: 'statefulsets',
        subresource: 'scale',
        namespace: 'default',
        name: 'none',
      },
      expect.objectContaining({ verb: 'list', path: '/api/v1/nodes', apiGroup: '', resource: 'nodes', namespace: undefined, status: 200 }),
      expect.objectContaining({ verb: 'deletecollection', resource: 'pods', namespace: 'default', status: 200 }),
    ]);
  });

  it('counts open watches per resource until they close', async () => {
    const config = local.server.kubeConfig();
    const watch = new Watch(config);
    const ignore = () => undefined;
    const pods = await watch.watch('/api/v1/pods', {}, ignore, ignore);
    const nodes = await Promise.all([1, 2].map(() => watch.watch('/api/v1/nodes', {}, ignore, ignore)));
    await until(() => local.server.hooks.openWatchesOf('/nodes') === 2 && local.server.hooks.openWatchesOf('/pods') === 1);
    expect(local.server.hooks.openWatchesOf('apps/statefulsets')).toBe(0);
    pods.abort();
    await until(() => local.server.hooks.openWatchesOf('/pods') === 0);
    expect(local.server.hooks.openWatchesOf('/nodes')).toBe(2);
    nodes.forEach((controller) => controller.abort());
    await until(() => local.server.hooks.openWatchesOf('/nodes') === 0);
  });
});
