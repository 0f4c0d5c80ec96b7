import { renderOverlay, type ManifestObject } from './config-tree.js';
import { describeAccess, loadControllerRbac, type ApiRequest, type ControllerRbac } from './rbac-rules.js';

let rbac: ControllerRbac;
beforeAll(() => {
  rbac = loadControllerRbac();
});

it('grants the controller exactly the calls it makes, leases only in its own namespace', () => {
  expect(rbac.grants.map(describeAccess).sort()).toEqual(
    [
      'list core/pods',
      'watch core/pods',
      'patch core/pods',
      'patch core/pods/status',
      'create core/events',
      'patch core/events',
      'list podeip.io/eipclaims',
      'watch podeip.io/eipclaims',
      'create podeip.io/eipclaims',
      'patch podeip.io/eipclaims',
      'delete podeip.io/eipclaims',
      'patch podeip.io/eipclaims/status',
      'list podeip.io/eippools',
      'watch podeip.io/eippools',
      'patch podeip.io/eippools',
      'patch podeip.io/eippools/status',
      'list core/namespaces',
      'watch core/namespaces',
      'get coordination.k8s.io/leases in podeip-system',
      'create coordination.k8s.io/leases in podeip-system',
      'update coordination.k8s.io/leases in podeip-system',
      'get apiextensions.k8s.io/customresourcedefinitions',
      'list alibabacloud.com/podeips',
      'watch alibabacloud.com/podeips',
      'create alibabacloud.com/podeips',
      'patch alibabacloud.com/podeips',
      'delete alibabacloud.com/podeips',
      'patch alibabacloud.com/podeips/status',
      'get core/configmaps',
      'patch core/configmaps',
    ].sort(),
  );
});

it('uses no wildcards', () => {
  expect(rbac.grants.filter((grant) => [grant.verb, grant.apiGroup, grant.resource].includes('*'))).toEqual([]);
});

const core = (verb: string, resource: string, namespace?: string, subresource?: string): ApiRequest => ({
  verb,
  apiGroup: '',
  resource,
  ...(subresource ? { subresource } : {}),
  ...(namespace ? { namespace } : {}),
});
const inGroup = (apiGroup: string, request: ApiRequest): ApiRequest => ({ ...request, apiGroup });

it.each<[string, ApiRequest, boolean]>([
  ['watch pods in all namespaces', core('watch', 'pods'), true],
  ['get a pod (the controller reads its cache)', core('get', 'pods', 'games'), false],
  ['patch pod annotations', core('patch', 'pods', 'games'), true],
  ['patch pod status', core('patch', 'pods', 'games', 'status'), true],
  ['update pod status', core('update', 'pods', 'games', 'status'), false],
  ['delete a pod', core('delete', 'pods', 'games'), false],
  ['create a core event', core('create', 'events', 'games'), true],
  ['create an events.k8s.io event', inGroup('events.k8s.io', core('create', 'events', 'games')), false],
  ['update claim finalizers', inGroup('podeip.io', core('update', 'eipclaims', 'games', 'finalizers')), false],
  ['patch claim status', inGroup('podeip.io', core('patch', 'eipclaims', 'games', 'status')), true],
  ['delete a claim', inGroup('podeip.io', core('delete', 'eipclaims', 'games')), true],
  ['delete all claims at once', inGroup('podeip.io', core('deletecollection', 'eipclaims', 'games')), false],
  ['watch pools', inGroup('podeip.io', core('watch', 'eippools')), true],
  ['patch pool finalizers', inGroup('podeip.io', core('patch', 'eippools')), true],
  ['patch pool status', inGroup('podeip.io', core('patch', 'eippools', undefined, 'status')), true],
  ['create a pool (people do)', inGroup('podeip.io', core('create', 'eippools')), false],
  ['delete a pool (people do)', inGroup('podeip.io', core('delete', 'eippools')), false],
  ['update a pool', inGroup('podeip.io', core('update', 'eippools')), false],
  ['list namespaces', core('list', 'namespaces'), true],
  ['get a namespace (the controller reads its cache)', core('get', 'namespaces'), false],
  ['patch a namespace', core('patch', 'namespaces'), false],
  ['update its lease', inGroup('coordination.k8s.io', core('update', 'leases', 'podeip-system')), true],
  ['update a lease elsewhere', inGroup('coordination.k8s.io', core('update', 'leases', 'kube-system')), false],
  ['list leases', inGroup('coordination.k8s.io', core('list', 'leases', 'podeip-system')), false],
  ['read secrets', core('get', 'secrets', 'games'), false],
  ['list nodes', core('list', 'nodes'), false],
])('%s: allowed %s', (_, request, allowed) => {
  expect(rbac.allows(request)).toBe(allowed);
});

it('honours the install namespace and prefix it is given', () => {
  const elsewhere = loadControllerRbac({ namespace: 'eip', namePrefix: 'x-' });
  expect(elsewhere.allows(inGroup('coordination.k8s.io', core('get', 'leases', 'eip')))).toBe(true);
  expect(elsewhere.allows(inGroup('coordination.k8s.io', core('get', 'leases', 'podeip-system')))).toBe(false);
});

it('lists each distinct denied request once, described with its group, subresource and namespace', () => {
  const requests = [
    core('patch', 'pods', 'games'),
    core('update', 'pods', 'games', 'status'),
    core('update', 'pods', 'games', 'status'),
    core('list', 'nodes'),
    inGroup('coordination.k8s.io', core('get', 'leases', 'default')),
    { verb: 'get' },
  ];
  expect(rbac.denied(requests)).toEqual([
    'get a non-resource path',
    'get coordination.k8s.io/leases in default',
    'list core/nodes',
    'update core/pods/status in games',
  ]);
});

it('names the grants that no request used', () => {
  const everyGrantButOne = rbac.grants.slice(1).map(({ resource, ...grant }) => {
    const [plural, subresource] = resource.split('/');
    return { ...grant, namespace: grant.namespace ?? 'games', resource: plural!, ...(subresource ? { subresource } : {}) };
  });
  expect(rbac.unused(everyGrantButOne)).toEqual([rbac.grants[0]]);
  expect(rbac.unused([])).toEqual(rbac.grants);
});

describe('what config/rbac adds to the built-in roles for people', () => {
  interface AggregatedRole extends ManifestObject {
    rules: Array<{ apiGroups: string[]; resources: string[]; verbs: string[] }>;
  }
  let roles: AggregatedRole[];
  beforeAll(() => {
    roles = renderOverlay({ namespace: 'podeip-system', namePrefix: 'podeip-', resources: ['rbac'] }).filter(
      (object): object is AggregatedRole => object.kind === 'ClusterRole',
    );
  });
  /** "verb resource" for every podeip.io rule that roles aggregated into the built-in role grant. */
  const grantedTo = (builtIn: string) =>
    roles
      .filter((role) => role.metadata.labels?.[`rbac.authorization.k8s.io/aggregate-to-${builtIn}`] === 'true')
      .flatMap((role) => role.rules)
      .filter((rule) => rule.apiGroups.includes('podeip.io'))
      .flatMap((rule) => rule.resources.flatMap((resource) => rule.verbs.map((verb) => `${verb} ${resource}`)))
      .sort();

  it('app teams (view, edit, admin) only read pools; edit and admin may also delete claims', () => {
    const readPools = ['get eippools', 'list eippools', 'watch eippools', 'get eippools/status', 'list eippools/status', 'watch eippools/status'];
    const readClaims = ['get eipclaims', 'list eipclaims', 'watch eipclaims'];
    expect(grantedTo('view')).toEqual([...readPools, ...readClaims, 'get eipclaims/status', 'list eipclaims/status', 'watch eipclaims/status'].sort());
    for (const builtIn of ['edit', 'admin']) expect(grantedTo(builtIn)).toEqual([...readPools, ...readClaims, 'delete eipclaims'].sort());
  });
});
