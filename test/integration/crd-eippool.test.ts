/**
 * The EIPPool CRD against the local API server and the real kubectl: install, sample apply, schema
 * validation, printer columns; then what podeip reads and writes through KubeApi and its caches.
 */
import { readFile } from 'node:fs/promises';
import pino from 'pino';
import { parse } from 'yaml';
import type { EIPPool } from '../../src/k8s/eippool.js';
import { KubeApi } from '../../src/k8s/kube-api.js';
import { type Caches, createCaches } from '../../src/manager/caches.js';
import { Kubectl } from '../kube-apiserver/kubectl-runner.js';
import { useLocalServer } from '../kube-apiserver/local-server.js';
import { eventually } from './harness.js';

const read = (path: string) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');
const pools = { group: 'podeip.io', version: 'v1alpha1', plural: 'eippools' };
const pool = (name: string, spec: object) => ({ apiVersion: 'podeip.io/v1alpha1', kind: 'EIPPool', metadata: { name }, spec });

describe('EIPPool CRD files', () => {
  test('config/crd/bases holds an identical copy of crds/, listed by config/crd', async () => {
    expect(await read('config/crd/bases/podeip.io_eippools.yaml')).toBe(await read('crds/podeip.io_eippools.yaml'));
    expect(parse(await read('config/crd/kustomization.yaml')).resources).toContain('bases/podeip.io_eippools.yaml');
  });

  test('cluster-scoped, names, status subresource, printer columns, enums and defaults', async () => {
    const crd = parse(await read('crds/podeip.io_eippools.yaml'));
    expect(crd.spec.scope).toBe('Cluster');
    expect(crd.spec.names).toEqual({ plural: 'eippools', singular: 'eippool', kind: 'EIPPool', listKind: 'EIPPoolList', shortNames: ['eipp'], categories: ['podeip'] });
    const [version] = crd.spec.versions;
    expect(version.name).toBe('v1alpha1');
    expect(version.subresources).toEqual({ status: {} });
    expect(version.additionalPrinterColumns.map((column: { name: string; priority?: number }) => [column.name.toUpperCase(), column.priority ?? 0])).toEqual([
      ['TOTAL', 0],
      ['AVAILABLE', 0],
      ['BOUND', 0],
      ['AGE', 0],
      ['RECLAIM', 1],
    ]);
    const { spec, status } = version.schema.openAPIV3Schema.properties;
    expect(spec.required).toEqual(['namespaceSelector']);
    expect(spec.properties.reclaimPolicy).toMatchObject({ enum: ['Delete', 'Retain'], default: 'Delete' });
    expect(spec.properties.addresses['x-kubernetes-list-type']).toBe('set');
    expect(spec.properties.allocation['x-kubernetes-validations'].map((rule: { rule: string }) => rule.rule)).toEqual([
      '!has(self.minAvailable) || !has(self.maxSize) || self.minAvailable <= self.maxSize',
    ]);
    expect(spec.properties.allocation.properties.releaseIdleAfter['x-kubernetes-validations'].map((rule: { rule: string }) => rule.rule)).toEqual([
      "duration(self) >= duration('5m')",
    ]);
    expect(spec.properties.podSelector.properties).toEqual(spec.properties.namespaceSelector.properties);
    expect(status.properties.addresses.items.properties.state.enum).toEqual(['Available', 'Bound', 'Allocating', 'Releasing']);
    expect(status.properties.addresses.items.properties.ownership.enum).toEqual(['Owned', 'Static']);
  });
});

describe('EIPPool on the local API server', () => {
  const local = useLocalServer();
  let kubectl: Kubectl;
  let api: KubeApi;
  beforeAll(async () => {
    kubectl = await Kubectl.for(local.server);
    await kubectl.ok('apply', '-f', 'crds/podeip.io_eippools.yaml');
    api = new KubeApi(local.server.kubeConfig());
  });
  afterAll(() => kubectl.cleanUp());

  test('kubectl apply of the pool sample creates the pool and its Deployment', async () => {
    expect(await kubectl.ok('apply', '-f', 'config/samples/pool-deployment.yaml')).toBe('eippool.podeip.io/game-eu created\ndeployment.apps/lobby created\n');
    const created = (await local.custom.getClusterCustomObject({ ...pools, name: 'game-eu' })) as EIPPool;
    expect(created.metadata.namespace).toBeUndefined();
    expect(created.spec.allocation).toEqual({ parameters: { bandwidthMbps: 10, isp: 'BGP', chargeType: 'TRAFFIC_POSTPAID_BY_HOUR' }, minAvailable: 2, maxSize: 6 });
  });

  test('kubectl get eipp shows NAME TOTAL AVAILABLE BOUND AGE from the status, and RECLAIM with -o wide', async () => {
    await api.patchPoolStatus('game-eu', { allocations: 6, total: 6, available: 2, bound: 4 });
    const rows = (await kubectl.ok('get', 'eipp')).trimEnd().split('\n').map((line) => line.split(/\s+/));
    expect(rows).toEqual([
      ['NAME', 'TOTAL', 'AVAILABLE', 'BOUND', 'AGE'],
      ['game-eu', '6', '2', '4', expect.stringMatching(/^\d+s$/)],
    ]);
    const wide = (await kubectl.ok('get', 'eippools', '-o', 'wide')).trimEnd().split('\n').map((line) => line.split(/\s+/));
    expect(wide).toEqual([
      ['NAME', 'TOTAL', 'AVAILABLE', 'BOUND', 'AGE', 'RECLAIM'],
      ['game-eu', '6', '2', '4', expect.stringMatching(/^\d+s$/), 'Delete'],
    ]);
    expect(await kubectl.ok('get', 'podeip', '-o', 'name')).toBe('eippool.podeip.io/game-eu\n');
  });

  test.each<[string, object, string[]]>([
    ['an unknown reclaimPolicy', { namespaceSelector: {}, reclaimPolicy: 'Keep' }, ['spec.reclaimPolicy']],
    ['no namespaceSelector', { addresses: ['eip-1'] }, ['spec.namespaceSelector']],
    ['a negative minAvailable and a fractional maxSize', { namespaceSelector: {}, allocation: { minAvailable: -1, maxSize: 1.5 } }, ['spec.allocation.maxSize', 'spec.allocation.minAvailable']],
    ['releaseIdleAfter that is not a duration', { namespaceSelector: {}, allocation: { releaseIdleAfter: 'half an hour' } }, ['spec.allocation.releaseIdleAfter']],
    ['an unknown selector operator', { namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'Equals' }] } }, ['spec.namespaceSelector.matchExpressions[0].operator']],
    ['a malformed label key', { namespaceSelector: {}, podSelector: { matchExpressions: [{ key: '-app', operator: 'Exists' }] } }, ['spec.podSelector.matchExpressions[0].key']],
    ['a malformed label value', { namespaceSelector: { matchLabels: { team: 'games!' } } }, ['spec.namespaceSelector.matchLabels.team']],
  ])('the schema rejects %s (422, with the field)', async (_, spec, fields) => {
    const error = await local.custom.createClusterCustomObject({ ...pools, body: pool('invalid', spec) }).catch((caught: unknown) => caught);
    const status = JSON.parse((error as { body: string }).body) as { code: number; details: { causes: Array<{ field: string }> } };
    expect(status.code).toBe(422);
    expect(status.details.causes.map((cause) => cause.field).sort()).toEqual(fields);
  });

  test('a pool without reclaimPolicy gets the default Delete', async () => {
    const created = (await local.custom.createClusterCustomObject({ ...pools, body: pool('defaulted', { namespaceSelector: {} }) })) as EIPPool;
    expect(created.spec).toEqual({ namespaceSelector: {}, reclaimPolicy: 'Delete' });
    await local.custom.deleteClusterCustomObject({ ...pools, name: 'defaulted' });
  });

  test('the status schema knows only the address states and ownerships of SPEC §10', async () => {
    const error = await api.patchPoolStatus('game-eu', { addresses: [{ addressId: 'eip-1', ownership: 'Borrowed', state: 'Lent' }] }).catch((caught: unknown) => caught);
    const status = JSON.parse((error as { body: string }).body) as { code: number; details: { causes: Array<{ field: string }> } };
    expect(status.code).toBe(422);
    expect(status.details.causes.map((cause) => cause.field).sort()).toEqual(['status.addresses[0].ownership', 'status.addresses[0].state']);
  });

  test('KubeApi lists pools and namespaces, and merge-patches a pool, its finalizers and its status', async () => {
    const patched = await api.patchPool('game-eu', { metadata: { finalizers: ['podeip.io/pool'] } });
    expect(patched.metadata.finalizers).toEqual(['podeip.io/pool']);
    const withStatus = await api.patchPoolStatus('game-eu', { addresses: [{ addressId: 'eip-1', publicIP: '203.0.113.7', ownership: 'Owned', state: 'Bound', claim: 'games/lobby-1' }] });
    expect(withStatus.status).toEqual({
      allocations: 6,
      total: 6,
      available: 2,
      bound: 4,
      addresses: [{ addressId: 'eip-1', publicIP: '203.0.113.7', ownership: 'Owned', state: 'Bound', claim: 'games/lobby-1' }],
    });
    const listed = await api.listPools();
    expect(listed.items.map((item) => (item as EIPPool).metadata.name)).toEqual(['game-eu']);
    expect(Number(listed.resourceVersion)).toBeGreaterThan(0);
    const namespaces = await api.listNamespaces();
    expect(namespaces.items.map((item) => (item as { metadata: { name: string } }).metadata.name).sort()).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    await api.patchPool('game-eu', { metadata: { finalizers: null } });
  });

  describe('the pools and namespaces caches', () => {
    let caches: Caches;
    const poolChanges: string[] = [];
    const keyChanges: string[] = [];
    beforeAll(async () => {
      caches = createCaches(local.server.kubeConfig(), api, [], pino({ level: 'silent' }), (key) => keyChanges.push(key), {}, (name) => poolChanges.push(name));
      await Promise.all([caches.pools.start(), caches.namespaces.start()]);
    });
    afterAll(() => {
      caches.pools.stop();
      caches.namespaces.stop();
    });

    test('a pool is cached by name, and each change calls onPoolChange with that name, not onChange', async () => {
      expect(caches.pools.get('game-eu')?.spec.namespaceSelector).toEqual({});
      await local.custom.createClusterCustomObject({ ...pools, body: pool('game-us', { namespaceSelector: { matchLabels: { team: 'games' } } }) });
      await eventually('game-us cached', () => caches.pools.get('game-us'));
      await local.custom.deleteClusterCustomObject({ ...pools, name: 'game-us' });
      await eventually('game-us gone from the cache', () => caches.pools.get('game-us') === undefined);
      expect(poolChanges.filter((name) => name === 'game-us')).toEqual(['game-us', 'game-us']);
      expect(poolChanges.every((name) => ['game-eu', 'game-us'].includes(name))).toBe(true);
      expect(keyChanges).toEqual([]);
    });

    test('a namespace is cached by name with its labels only', async () => {
      await local.core.createNamespace({ body: { metadata: { name: 'games', labels: { team: 'games' }, annotations: { note: 'not kept' } } } });
      const games = await eventually('games cached', () => caches.namespaces.get('games'));
      expect(games).toEqual({ name: 'games', labels: { team: 'games', 'kubernetes.io/metadata.name': 'games' }, resourceVersion: expect.any(String) });
      await local.core.patchNamespace({ name: 'games', body: [{ op: 'add', path: '/metadata/labels/tier', value: 'prod' }] });
      await eventually('label change cached', () => caches.namespaces.get('games')?.labels.tier === 'prod');
      expect(caches.health()).toBeUndefined();
    });
  });
});
