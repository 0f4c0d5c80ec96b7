/** SPEC §12 teardown planning: which addresses are released, which only unbound, which claims lose the finalizer; and the summary table. */
import { type EIPClaim, FINALIZER } from '../../../src/k8s/eipclaim.js';
import { type EIPPool, POOL_FINALIZER } from '../../../src/k8s/eippool.js';
import type { CloudAddress } from '../../../src/providers/provider.js';
import { planTeardown } from '../../../src/teardown/teardown-plan.js';
import { summaryTable } from '../../../src/teardown/teardown.js';

const CLUSTER = 'cls-a';
const TARGET = { networkInterfaceId: 'eni-1', privateIp: '10.0.0.5' };

function address(id: string, tags: Record<string, string>, bound = false): CloudAddress {
  return { id, publicIp: `1.1.1.${id.slice(-1)}`, state: bound ? 'Bound' : 'Available', rawStatus: bound ? 'BIND' : 'UNBIND', tags, ...(bound ? { target: TARGET } : {}) };
}

function claim(name: string, status: EIPClaim['status'], finalized = true): EIPClaim {
  return {
    apiVersion: 'podeip.io/v1alpha1',
    kind: 'EIPClaim',
    metadata: { namespace: 'default', name, uid: `uid-${name}`, resourceVersion: '1', ...(finalized ? { finalizers: ['example.com/other', FINALIZER] } : { finalizers: ['example.com/other'] }) },
    spec: { provider: 'tencent', deletePolicy: 'Delete' },
    ...(status ? { status } : {}),
  };
}

function pool(name: string, finalized: boolean): EIPPool {
  return {
    apiVersion: 'podeip.io/v1alpha1',
    kind: 'EIPPool',
    metadata: { name, uid: `uid-${name}`, resourceVersion: '1', ...(finalized ? { finalizers: [POOL_FINALIZER] } : {}) },
    spec: { namespaceSelector: {} },
  };
}

const ownedTags = (uid: string) => ({ 'podeip.io/cluster': CLUSTER, 'podeip.io/claim-uid': uid });

test('owned and pool addresses are released, static ones claims hold are unbound when bound, anything else is left alone; claims and pools lose their finalizers', () => {
  const owned = address('eip-1', ownedTags('uid-web'), true);
  const retained = address('eip-2', ownedTags('uid-kept'));
  const spare = address('eip-3', { 'podeip.io/cluster': CLUSTER, 'podeip.io/pool': 'game-eu' });
  const orphan = address('eip-4', ownedTags('uid-gone'));
  const staticBound = address('eip-5', { team: 'edge' }, true);
  const staticUnbound = address('eip-6', {});
  const namedOnly = address('eip-7', { 'podeip.io/cluster': CLUSTER }, true);
  const claims = [
    claim('web', { ownership: 'Owned', addressId: 'eip-1' }),
    claim('kept', { ownership: 'Owned', addressId: 'eip-2', phase: 'Retained' }),
    claim('edge', { ownership: 'Static', addressId: 'eip-5' }),
    claim('idle', { ownership: 'Static', addressId: 'eip-6' }, false),
    claim('pending', undefined),
  ];

  const plan = planTeardown(CLUSTER, { claims, pools: [pool('game-eu', true), pool('unfinalized', false)], tagged: [owned, retained, spare, orphan, namedOnly], held: [owned, retained, staticBound, staticUnbound] });

  expect(plan.addresses.map((step) => [step.action, step.address.id, step.claim, step.pool])).toEqual([
    ['release', 'eip-1', 'default/web', undefined],
    ['release', 'eip-2', 'default/kept', undefined],
    ['release', 'eip-3', undefined, 'game-eu'],
    ['release', 'eip-4', undefined, undefined],
    ['unbind', 'eip-5', 'default/edge', undefined],
  ]);
  expect(plan.finalizers).toEqual(['default/edge', 'default/kept', 'default/pending', 'default/web']);
  expect(plan.poolFinalizers).toEqual(['game-eu']);
});

test('an address a claim holds as Static is unbound, never released, even when podeip once allocated it for this cluster', () => {
  const once = address('eip-9', ownedTags('uid-old'), true);
  const plan = planTeardown(CLUSTER, { claims: [claim('takes-it', { ownership: 'Static', addressId: 'eip-9' })], pools: [], tagged: [once], held: [once] });
  expect(plan.addresses.map((step) => [step.action, step.address.id, step.claim])).toEqual([['unbind', 'eip-9', 'default/takes-it']]);
});

test('addresses tagged for another cluster are not this teardown\'s', () => {
  const other = address('eip-8', { 'podeip.io/cluster': 'cls-b', 'podeip.io/claim-uid': 'uid-x' });
  const plan = planTeardown(CLUSTER, { claims: [claim('x', { ownership: 'Owned', addressId: 'eip-8' })], pools: [], tagged: [], held: [other] });
  expect(plan.addresses).toEqual([]);
});

test('with --namespace, only addresses tagged for that namespace or held by its claims are torn down, and pools are left to a cluster-wide teardown', () => {
  const tagsIn = (namespace: string, uid: string) => ({ ...ownedTags(uid), 'podeip.io/namespace': namespace });
  const mine = address('eip-1', tagsIn('games', 'uid-web'), true);
  const orphanHere = address('eip-2', tagsIn('games', 'uid-gone'));
  const otherTeams = address('eip-3', tagsIn('billing', 'uid-api'), true);
  const poolSpare = address('eip-4', { 'podeip.io/cluster': CLUSTER, 'podeip.io/pool': 'game-eu' });
  const claims = [claim('web', { ownership: 'Owned', addressId: 'eip-1' })];

  const plan = planTeardown(CLUSTER, { claims, pools: [pool('game-eu', true)], tagged: [mine, orphanHere, otherTeams, poolSpare], held: [mine], namespace: 'games' });

  expect(plan.addresses.map((step) => [step.action, step.address.id])).toEqual([['release', 'eip-1'], ['release', 'eip-2']]);
  expect(plan.poolFinalizers).toEqual([]);
});

test('the summary lists each address in aligned columns, then how many finalizers were removed', () => {
  const table = summaryTable({
    steps: [
      { action: 'release', address: address('eip-1', ownedTags('uid-web'), true), claim: 'default/web', result: 'released' },
      { action: 'release', address: { ...address('eip-3', {}), publicIp: '' }, result: 'failed: InvalidAddressState' },
      { action: 'unbind', address: address('eip-5', {}, true), claim: 'games/edge-0', result: 'unbound' },
    ],
    finalizersRemoved: ['default/web', 'games/edge-0'],
    failed: true,
  });
  expect(table).toBe(
    [
      'ADDRESS  PUBLIC-IP  CLAIM         ACTION   RESULT',
      'eip-1    1.1.1.1    default/web   release  released',
      'eip-3    -          -             release  failed: InvalidAddressState',
      'eip-5    1.1.1.5    games/edge-0  unbind   unbound',
      'finalizers removed: 2',
    ].join('\n'),
  );
});
