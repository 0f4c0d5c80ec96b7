import { ApiextensionsV1Api, CoordinationV1Api, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { useLocalServer } from './local-server.js';
import { createWidgetCrd, widgetCrd } from './widget-crd.js';

const widgets = { group: 'example.com', version: 'v1', namespace: 'default', plural: 'widgets' };
const widget = (name: string, spec: object) => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name }, spec });
const getJson = async (url: string, headers: Record<string, string> = {}): Promise<any> => (await fetch(url, { headers })).json();
const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

describe('local API server: custom resources, discovery, tables, leases', () => {
  const local = useLocalServer();

  beforeAll(async () => {
    await createWidgetCrd(local.server);
  });

  it('marks the CRD Established and serves its resource in discovery', async () => {
    const crd = await local.server.kubeConfig().makeApiClient(ApiextensionsV1Api).readCustomResourceDefinition({ name: 'widgets.example.com' });
    expect(crd.status!.conditions!.find((condition) => condition.type === 'Established')!.status).toBe('True');
    const groups = await getJson(`${local.server.url}/apis`);
    expect(groups.groups.map((group: { name: string }) => group.name)).toContain('example.com');
    const resources = await getJson(`${local.server.url}/apis/example.com/v1`);
    expect(resources.resources).toEqual([
      { name: 'widgets', singularName: 'widget', namespaced: true, kind: 'Widget', verbs: expect.any(Array), shortNames: ['wdg'], categories: ['all'] },
      { name: 'widgets/status', singularName: '', namespaced: true, kind: 'Widget', verbs: ['get', 'patch', 'update'] },
    ]);
  });

  it('prunes unknown fields and keeps preserved ones', async () => {
    const created = (await local.custom.createNamespacedCustomObject({
      ...widgets,
      body: widget('pruned', { size: 1, unknown: 'x', port: 'http', extra: { anything: { goes: true } } }),
    })) as { spec: object; metadata: { generation: number } };
    expect(created.spec).toEqual({ size: 1, port: 'http', extra: { anything: { goes: true } } });
    expect(created.metadata.generation).toBe(1);
  });

  it('rejects schema violations with 422 and the field path', async () => {
    const error = await local.custom.createNamespacedCustomObject({ ...widgets, body: widget('bad', { size: 0, color: 'green', port: 1.5 }) }).catch((e) => e);
    expect(error.code).toBe(422);
    const status = JSON.parse(error.body);
    expect(status.details.causes).toEqual([
      { reason: 'FieldValueInvalid', message: 'Invalid value: 0: spec.size in body should be greater than or equal to 1', field: 'spec.size' },
      { reason: 'FieldValueNotSupported', message: 'Unsupported value: "green": supported values: "red", "blue"', field: 'spec.color' },
      { reason: 'FieldValueTypeInvalid', message: 'Invalid value: 1.5: spec.port in body must be of type integer,string: 1.5', field: 'spec.port' },
    ]);
    expect(status.message).toMatch(/^Widget\.example\.com "bad" is invalid: \[spec\.size: /);
    const missing = await local.custom.createNamespacedCustomObject({ ...widgets, body: widget('empty', {}) }).catch((e) => e);
    expect(JSON.parse(missing.body).details.causes).toEqual([{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.size' }]);
  });

  it('applies the status subresource rules and bumps generation on spec changes only', async () => {
    await local.custom.createNamespacedCustomObject({ ...widgets, body: { ...widget('status', { size: 1 }), status: { phase: 'Ignored' } } });
    const withStatus = (await local.custom.patchNamespacedCustomObjectStatus({ ...widgets, name: 'status', body: { spec: { size: 9 }, status: { phase: 'Ready' } } }, merge)) as any;
    expect(withStatus.status).toEqual({ phase: 'Ready' });
    expect(withStatus.spec).toEqual({ size: 1 });
    expect(withStatus.metadata.generation).toBe(1);
    const resized = (await local.custom.patchNamespacedCustomObject({ ...widgets, name: 'status', body: { spec: { size: 2 }, status: { phase: 'Lost' } } }, merge)) as any;
    expect(resized.status).toEqual({ phase: 'Ready' });
    expect(resized.metadata.generation).toBe(2);
  });

  it('lists custom resources with kind on every item', async () => {
    const list = (await local.custom.listNamespacedCustomObject({ ...widgets, labelSelector: '' })) as any;
    expect(list.kind).toBe('WidgetList');
    expect(list.items.every((item: { kind: string; apiVersion: string }) => item.kind === 'Widget' && item.apiVersion === 'example.com/v1')).toBe(true);
  });

  it('returns a Table with the printer columns when asked', async () => {
    await local.custom.createNamespacedCustomObject({ ...widgets, body: widget('table', { size: 3, color: 'red' }) });
    const table = await getJson(`${local.server.url}/apis/example.com/v1/namespaces/default/widgets?fieldSelector=metadata.name%3Dtable`, {
      Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    });
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((column: { name: string; priority: number }) => `${column.name}:${column.priority}`)).toEqual([
      'Name:0',
      'Size:0',
      'Phase:0',
      'Color:1',
      'Age:0',
    ]);
    expect(table.rows[0].cells.slice(0, 4)).toEqual(['table', 3, null, 'red']);
    expect(table.rows[0].cells[4]).toMatch(/^\d+s$/);
    expect(table.rows[0].object).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { name: 'table' } });
  });

  it('stops serving the resource when the CRD is deleted', async () => {
    await fetch(`${local.server.url}/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com`, { method: 'DELETE' });
    const response = await fetch(`${local.server.url}/apis/example.com/v1/namespaces/default/widgets`);
    expect(response.status).toBe(404);
    expect((await fetch(`${local.server.url}/apis/example.com/v1`)).status).toBe(404);
    await createWidgetCrd(local.server);
    const list = (await local.custom.listNamespacedCustomObject(widgets)) as { items: unknown[] };
    expect(list.items).toEqual([]);
  });

  it('serves cluster-scoped custom resources', async () => {
    const crd = structuredClone(widgetCrd);
    crd.metadata.name = 'gadgets.example.com';
    crd.spec.scope = 'Cluster';
    crd.spec.names = { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList', shortNames: [], categories: [] };
    const response = await fetch(`${local.server.url}/apis/apiextensions.k8s.io/v1/customresourcedefinitions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(crd),
    });
    expect(response.status).toBe(201);
    const gadgets = { group: 'example.com', version: 'v1', plural: 'gadgets' };
    const created = (await local.custom.createClusterCustomObject({ ...gadgets, body: { apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name: 'g' }, spec: { size: 1 } } })) as any;
    expect(created.metadata.namespace).toBeUndefined();
    const namespaced = await fetch(`${local.server.url}/apis/example.com/v1/namespaces/default/gadgets`);
    expect(namespaced.status).toBe(404);
  });

  it('serves leases with optimistic concurrency', async () => {
    const leases = local.server.kubeConfig().makeApiClient(CoordinationV1Api);
    const lease = await leases.createNamespacedLease({
      namespace: 'default',
      body: { metadata: { name: 'podeip-leader' }, spec: { holderIdentity: 'a', leaseDurationSeconds: 15 } },
    });
    await leases.replaceNamespacedLease({ name: 'podeip-leader', namespace: 'default', body: { ...lease, spec: { ...lease.spec, holderIdentity: 'b' } } });
    const error = await leases
      .replaceNamespacedLease({ name: 'podeip-leader', namespace: 'default', body: { ...lease, spec: { ...lease.spec, holderIdentity: 'c' } } })
      .catch((e) => e);
    expect(error.code).toBe(409);
    expect((await leases.readNamespacedLease({ name: 'podeip-leader', namespace: 'default' })).spec!.holderIdentity).toBe('b');
  });
});
