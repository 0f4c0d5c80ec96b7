/**
 * Issue 14 item 12 (SPEC §3.1 eip-id-list): a pod's name suffix `-<n>` picks entry n only when the pod's
 * controlling owner names pods by ordinal (StatefulSet, Advanced StatefulSet, GameServerSet). Any other
 * pod, e.g. a Deployment's whose random suffix is all digits, takes the first entry no other claim holds.
 */
import type { StaticAddressRequest } from '../../../src/annotations/claim-request.js';
import { parseTencentAnnotations } from '../../../src/annotations/tencent.js';
import type { EIPClaim, OwnerReference } from '../../../src/k8s/eipclaim.js';
import { chooseStaticAddress } from '../../../src/lifecycle/static-choice.js';

const IDS = ['eip-aaaaaaa0', 'eip-aaaaaaa1', 'eip-aaaaaaa2'];

function owner(apiVersion: string, kind: string, controller?: boolean): OwnerReference {
  return { apiVersion, kind, name: 'owner', uid: 'uid-owner', ...(controller === undefined ? {} : { controller }) };
}

/** A claim of another pod that already holds the first address. */
const holderOfFirst = {
  metadata: { name: 'other', namespace: 'default', uid: 'uid-other' },
  spec: { provider: 'tencent', deletePolicy: 'Delete' },
  status: { addressId: IDS[0] },
} as EIPClaim;

function choiceFor(name: string, ownerReferences: OwnerReference[]) {
  const request = parseTencentAnnotations({ name, ownerReferences, annotations: { 'tke.cloud.tencent.com/eip-id-list': IDS.join(',') } });
  return chooseStaticAddress(request as StaticAddressRequest, name, `default/${name}`, [holderOfFirst]);
}

describe('ordinals only for ordinal workloads', () => {
  test.each([
    ['StatefulSet', owner('apps/v1', 'StatefulSet', true)],
    ['OpenKruise Advanced StatefulSet (v1beta1)', owner('apps.kruise.io/v1beta1', 'StatefulSet', true)],
    ['OpenKruise Advanced StatefulSet (v1alpha1)', owner('apps.kruise.io/v1alpha1', 'StatefulSet', true)],
    ['OpenKruiseGame GameServerSet', owner('game.kruise.io/v1alpha1', 'GameServerSet', true)],
  ])('%s: the pod takes the entry of its ordinal', (_name, controller) => {
    expect(choiceFor('game-2', [owner('v1', 'ConfigMap'), controller])).toEqual({ addressId: IDS[2] });
  });

  test('a StatefulSet pod whose ordinal is past the list gets no address', () => {
    expect(choiceFor('game-3', [owner('apps/v1', 'StatefulSet', true)])).toEqual({ problem: 'pod ordinal 3 is past the end of the address list (3 entries)' });
  });

  test.each([
    ['a ReplicaSet (Deployment) pod with an all-digit suffix', 'web-7d9f8-12345', [owner('apps/v1', 'ReplicaSet', true)]],
    ['a ReplicaSet pod whose digits are a valid index', 'web-7d9f8-2', [owner('apps/v1', 'ReplicaSet', true)]],
    ['a bare pod', 'web-2', []],
    ['a Job pod', 'batch-2', [owner('batch/v1', 'Job', true)]],
    ['a StatefulSet that is an owner but not the controller', 'game-2', [owner('apps/v1', 'StatefulSet', false)]],
    ['a StatefulSet reference without the controller flag', 'game-2', [owner('apps/v1', 'StatefulSet')]],
    ['a StatefulSet kind of another API group', 'game-2', [owner('example.com/v1', 'StatefulSet', true)]],
    ['a GameServerSet kind of another API group', 'game-2', [owner('apps/v1', 'GameServerSet', true)]],
  ])('%s takes the first free entry', (_name, podName, ownerReferences) => {
    expect(choiceFor(podName, ownerReferences)).toEqual({ addressId: IDS[1] });
  });
});
