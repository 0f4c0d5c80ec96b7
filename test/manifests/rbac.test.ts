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
      'get coordination.k8s.io/leases in podeip-system',
      'create coordination.k8s.io/leases in podeip-system',
      'update coordination.k8s.io/leases in podeip-system',
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
