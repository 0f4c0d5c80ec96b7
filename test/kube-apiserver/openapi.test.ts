import { createHash } from 'node:crypto';
import { useLocalServer } from './local-server.js';
import { createWidgetCrd } from './widget-crd.js';

const builtinDocumentKeys = ['api/v1', 'apis/events.k8s.io/v1', 'apis/apps/v1', 'apis/coordination.k8s.io/v1', 'apis/rbac.authorization.k8s.io/v1', 'apis/apiextensions.k8s.io/v1'];

describe('OpenAPI v3 discovery', () => {
  const local = useLocalServer();
  const get = (path: string) => fetch(`${local.server.url}${path}`, { headers: { Accept: 'application/json' } });
  const getJson = async (path: string) => (await (await get(path)).json()) as Record<string, any>;

  it('lists one document per built-in group/version, each URL carrying the SHA-512 of its document', async () => {
    const root = await getJson('/openapi/v3');
    expect(Object.keys(root.paths)).toEqual(builtinDocumentKeys);
    for (const key of builtinDocumentKeys) {
      const url: string = root.paths[key].serverRelativeURL;
      expect(url).toMatch(new RegExp(`^/openapi/v3/${key}\\?hash=[0-9A-F]{128}$`));
      const text = await (await get(url)).text();
      expect(url.slice(url.indexOf('=') + 1)).toBe(createHash('sha512').update(text).digest('hex').toUpperCase());
    }
  });

  it('gives each patchable apps/v1 path a patch operation with its kind and the fieldValidation parameter, without a request body', async () => {
    const document = await getJson('/openapi/v3/apis/apps/v1');
    const item = (plural: string) => `/apis/apps/v1/namespaces/{namespace}/${plural}/{name}`;
    expect(Object.keys(document.paths)).toEqual(
      ['statefulsets', 'deployments', 'replicasets'].flatMap((plural) => [item(plural), `${item(plural)}/status`, `${item(plural)}/scale`]),
    );
    expect(document.paths[item('statefulsets')]).toEqual({
      parameters: [
        { name: 'name', in: 'path', required: true, schema: { type: 'string', uniqueItems: true } },
        { name: 'namespace', in: 'path', required: true, schema: { type: 'string', uniqueItems: true } },
      ],
      patch: {
        tags: ['apps_v1'],
        operationId: 'patchAppsV1NamespacedStatefulSet',
        parameters: [
          expect.objectContaining({ name: 'dryRun', in: 'query', schema: { type: 'string', uniqueItems: true } }),
          expect.objectContaining({ name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } }),
          expect.objectContaining({ name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } }),
          expect.objectContaining({ name: 'force', in: 'query', schema: { type: 'boolean', uniqueItems: true } }),
        ],
        responses: { '200': { description: 'OK' }, '201': { description: 'Created' } },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group: 'apps', version: 'v1', kind: 'StatefulSet' },
      },
    });
    expect(document.paths[`${item('deployments')}/scale`].patch.operationId).toBe('patchAppsV1NamespacedDeploymentScale');
    expect(document.paths[`${item('deployments')}/scale`].patch['x-kubernetes-group-version-kind']).toEqual({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    expect(document.components).toEqual({});
  });

  it('shapes core/v1 paths by scope and leaves out create-only bindings', async () => {
    const document = await getJson('/openapi/v3/api/v1');
    expect(Object.keys(document.paths)).toEqual([
      '/api/v1/namespaces/{name}',
      '/api/v1/namespaces/{name}/status',
      '/api/v1/nodes/{name}',
      '/api/v1/nodes/{name}/status',
      '/api/v1/namespaces/{namespace}/pods/{name}',
      '/api/v1/namespaces/{namespace}/pods/{name}/status',
      '/api/v1/namespaces/{namespace}/events/{name}',
      '/api/v1/namespaces/{namespace}/configmaps/{name}',
      '/api/v1/namespaces/{namespace}/serviceaccounts/{name}',
    ]);
    const namespace = document.paths['/api/v1/namespaces/{name}'];
    expect(namespace.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(['name']);
    expect(namespace.patch.operationId).toBe('patchCoreV1Namespace');
    expect(namespace.patch['x-kubernetes-group-version-kind']).toEqual({ group: '', version: 'v1', kind: 'Namespace' });
    const lease = await getJson('/openapi/v3/apis/coordination.k8s.io/v1');
    expect(lease.paths['/apis/coordination.k8s.io/v1/namespaces/{namespace}/leases/{name}'].patch.operationId).toBe('patchCoordinationV1NamespacedLease');
  });

  it('lists a custom resource group/version once its CRD exists, with the kind schema and patch operations', async () => {
    expect((await getJson('/openapi/v3')).paths['apis/example.com/v1']).toBeUndefined();
    await createWidgetCrd(local.server);
    expect((await getJson('/openapi/v3')).paths['apis/example.com/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/example\.com\/v1\?hash=[0-9A-F]{128}$/);
    const document = await getJson('/openapi/v3/apis/example.com/v1');
    expect(document.components.schemas['com.example.v1.Widget']['x-kubernetes-group-version-kind']).toEqual([{ group: 'example.com', version: 'v1', kind: 'Widget' }]);
    expect(document.paths['/apis/example.com/v1/namespaces/{namespace}/widgets/{name}'].patch['x-kubernetes-group-version-kind']).toEqual({ group: 'example.com', version: 'v1', kind: 'Widget' });
  });

  it('answers 404 for OpenAPI v2 and for unknown documents', async () => {
    for (const path of ['/openapi/v2', '/openapi/v3/apis/batch/v1']) {
      const response = await get(path);
      expect([response.status, ((await response.json()) as { message: string }).message]).toEqual([404, 'the server could not find the requested resource']);
    }
  });
});
