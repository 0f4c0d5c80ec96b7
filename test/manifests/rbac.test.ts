import { apiRequestOf } from './api-request.js';
import { loadControllerRbac, type ControllerRbac, type Grant } from './rbac-rules.js';

let rbac: ControllerRbac;
beforeAll(() => {
  rbac = loadControllerRbac();
});

const describeGrant = ({ verb, apiGroup, resource, namespace }: Grant) =>
  `${verb} ${apiGroup || 'core'}/${resource}${namespace ? ` in ${namespace}` : ''}`;

it('grants the controller exactly the calls it makes, leases only in its own namespace', () => {
  expect(rbac.grants.map(describeGrant).sort()).toEqual(
    [
      'get core/pods',
      'list core/pods',
      'watch core/pods',
      'patch core/pods',
      'patch core/pods/status',
      'create core/events',
      'patch core/events',
      'get podeip.io/eipclaims',
      'list podeip.io/eipclaims',
      'watch podeip.io/eipclaims',
      'create podeip.io/eipclaims',
      'update podeip.io/eipclaims',
      'patch podeip.io/eipclaims',
      'delete podeip.io/eipclaims',
      'get podeip.io/eipclaims/status',
      'update podeip.io/eipclaims/status',
      'patch podeip.io/eipclaims/status',
      'update podeip.io/eipclaims/finalizers',
      'get coordination.k8s.io/leases in podeip-system',
      'create coordination.k8s.io/leases in podeip-system',
      'update coordination.k8s.io/leases in podeip-system',
    ].sort(),
  );
});

it('uses no wildcards', () => {
  expect(rbac.grants.filter((grant) => [grant.verb, grant.apiGroup, grant.resource].includes('*'))).toEqual([]);
});

it.each([
  ['GET', '/api/v1/pods?watch=true&resourceVersion=5', true],
  ['GET', '/api/v1/namespaces/games/pods/game-0', true],
  ['PATCH', '/api/v1/namespaces/games/pods/game-0/status', true],
  ['PUT', '/api/v1/namespaces/games/pods/game-0/status', false],
  ['DELETE', '/api/v1/namespaces/games/pods/game-0', false],
  ['POST', '/api/v1/namespaces/games/events', true],
  ['POST', '/apis/events.k8s.io/v1/namespaces/games/events', false],
  ['PUT', '/apis/podeip.io/v1alpha1/namespaces/games/eipclaims/game-0/finalizers', true],
  ['DELETE', '/apis/podeip.io/v1alpha1/namespaces/games/eipclaims', false],
  ['PUT', '/apis/coordination.k8s.io/v1/namespaces/podeip-system/leases/podeip-leader', true],
  ['PUT', '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-controller-manager', false],
  ['GET', '/apis/coordination.k8s.io/v1/leases', false],
  ['GET', '/api/v1/namespaces/games/secrets', false],
  ['GET', '/api/v1/nodes', false],
])('%s %s allowed: %s', (method, url, allowed) => {
  expect(rbac.allows(apiRequestOf(method, url)!)).toBe(allowed);
});

describe('apiRequestOf', () => {
  it.each([
    ['GET', '/api/v1/namespaces/games/pods', { verb: 'list', apiGroup: '', resource: 'pods', namespace: 'games' }],
    ['GET', '/api/v1/pods?watch=1', { verb: 'watch', apiGroup: '', resource: 'pods' }],
    [
      'PATCH',
      '/apis/podeip.io/v1alpha1/namespaces/games/eipclaims/game-0/status',
      { verb: 'patch', apiGroup: 'podeip.io', resource: 'eipclaims', subresource: 'status', namespace: 'games' },
    ],
    ['GET', '/api/v1/namespaces/games', { verb: 'get', apiGroup: '', resource: 'namespaces' }],
    ['DELETE', '/apis/podeip.io/v1alpha1/namespaces/games/eipclaims', { verb: 'deletecollection', apiGroup: 'podeip.io', resource: 'eipclaims', namespace: 'games' }],
    ['POST', '/apis/coordination.k8s.io/v1/namespaces/podeip-system/leases', { verb: 'create', apiGroup: 'coordination.k8s.io', resource: 'leases', namespace: 'podeip-system' }],
  ])('%s %s', (method, url, expected) => {
    expect(apiRequestOf(method, url)).toStrictEqual(expected);
  });

  it.each(['/api', '/api/v1', '/apis', '/apis/podeip.io/v1alpha1', '/version', '/openapi/v3'])('%s is not a resource request', (url) => {
    expect(apiRequestOf('GET', url)).toBeUndefined();
  });
});
