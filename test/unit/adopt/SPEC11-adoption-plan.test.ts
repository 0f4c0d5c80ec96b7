import { describe, expect, it } from '@jest/globals';
import { planAdoption, planTable, type PlanRow } from '../../../src/adopt/adoption-plan.js';
import type { Candidate } from '../../../src/adopt/adoption-sources.js';
import { tencentDialect } from '../../../src/annotations/tencent.js';
import type { EIPClaim } from '../../../src/k8s/eipclaim.js';
import type { PodView } from '../../../src/k8s/pod-view.js';
import type { CloudAddress } from '../../../src/providers/provider.js';

/** SPEC §11 `podeip adopt`: which bindings are adopted, and why the others are skipped (nothing podeip would then move or release). */
const OWNED = { 'tke.cloud.tencent.com/eip-attributes': '{}' };
const STATS = { 'tke.cloud.tencent.com/eip-id-list': 'eip-aaaaaaaa,eip-bbbbbbbb' };

function pod(name: string, annotations: Record<string, string>, overrides: Partial<PodView> = {}): PodView {
  return { namespace: 'default', name, uid: `uid-${name}`, resourceVersion: '1', annotations, labels: {}, ownerReferences: [], deleting: false, phase: 'Running', podIP: '10.0.0.5', ownConditions: {}, ...overrides };
}

function address(id: string, privateIp = '10.0.0.5', tags: Record<string, string> = {}): CloudAddress {
  return { id, publicIp: '203.0.113.9', state: 'Bound', rawStatus: 'BIND', target: { networkInterfaceId: 'eni-1', privateIp }, tags };
}

function candidate(view: PodView | undefined, found: CloudAddress | undefined, extra: Partial<Candidate> = {}): Candidate {
  return { namespace: 'default', name: view?.name ?? 'gone', ...(view ? { pod: view } : {}), ...(found ? { addressId: found.id, address: found } : {}), ...extra };
}

function claim(name: string, addressId?: string): EIPClaim {
  return {
    apiVersion: 'podeip.io/v1alpha1',
    kind: 'EIPClaim',
    metadata: { name, namespace: 'default', uid: `claim-${name}`, resourceVersion: '1' },
    spec: { provider: 'tencent', deletePolicy: 'Delete' },
    ...(addressId ? { status: { addressId } } : {}),
  };
}

function actionOf(one: Candidate, claims: EIPClaim[] = []): string {
  const [row] = planAdoption([one], { claims, pools: [], clusterId: 'c1', parse: (view) => tencentDialect.parse(view) }) as [PlanRow];
  return row.action === 'skip' ? `skip: ${row.reason}` : `${row.action} ${row.ownership}`;
}

describe('SPEC §11 adoption plan', () => {
  it('adopts an owned and a static binding the pod asks for', () => {
    expect(actionOf(candidate(pod('game', OWNED), address('eip-cccccccc')))).toBe('adopt Owned');
    expect(actionOf(candidate(pod('relay-1', STATS), address('eip-bbbbbbbb')))).toBe('adopt Static');
  });

  it('skips what podeip would then move or release, saying why', () => {
    expect(actionOf(candidate(pod('game', OWNED, { phase: 'Pending' }), address('eip-cccccccc')))).toBe('skip: pod is not running');
    expect(actionOf(candidate(undefined, undefined, { addressId: 'eip-cccccccc' }))).toBe('skip: pod is not running');
    expect(actionOf(candidate(pod('game', OWNED), undefined))).toBe('skip: no address is bound to 10.0.0.5');
    expect(actionOf(candidate(pod('game', OWNED), undefined, { addressId: 'eip-cccccccc' }))).toBe('skip: address eip-cccccccc does not exist');
    expect(actionOf(candidate(pod('game', OWNED), address('eip-cccccccc', '10.0.0.9')))).toBe("skip: address is not bound to the pod's IP 10.0.0.5");
    expect(actionOf(candidate(pod('game', {}), address('eip-cccccccc')))).toBe("skip: the pod's annotations ask for no owned or static address (none)");
    expect(actionOf(candidate(pod('game', { 'tke.cloud.tencent.com/eip-claim-delete-policy': 'never', ...OWNED }), address('eip-cccccccc')))).toMatch(
      /^skip: the pod's annotations ask for no owned or static address \(annotation tke\.cloud\.tencent\.com\/eip-claim-delete-policy /,
    );
    expect(actionOf(candidate(pod('game', OWNED), address('eip-cccccccc'), { sourceOwnership: 'Static' }))).toBe("skip: the source says Static but the pod's annotations ask for Owned");
    const ofStatefulSet = { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'relay', uid: 'sts', controller: true }] };
    expect(actionOf(candidate(pod('relay-0', STATS, ofStatefulSet), address('eip-bbbbbbbb')))).toBe("skip: the pod's annotations do not name eip-bbbbbbbb for this pod");
    expect(actionOf(candidate(pod('game', OWNED), address('eip-cccccccc')), [claim('game', 'eip-dddddddd')])).toBe('skip: claim default/game already exists holding eip-dddddddd');
    expect(actionOf(candidate(pod('game', OWNED), address('eip-cccccccc')), [claim('game')])).toBe('skip: claim default/game already exists');
  });

  it('a binding adopted before needs nothing, or only its tags', () => {
    const tagged = address('eip-cccccccc', '10.0.0.5', { 'podeip.io/cluster': 'c1', 'podeip.io/claim-uid': 'claim-game' });
    expect(actionOf(candidate(pod('game', OWNED), tagged), [claim('game', 'eip-cccccccc')])).toBe('none Owned');
    expect(actionOf(candidate(pod('game', OWNED), address('eip-cccccccc')), [claim('game', 'eip-cccccccc')])).toBe('tag Owned');
    expect(actionOf(candidate(pod('relay-1', STATS), address('eip-bbbbbbbb')), [claim('relay-1', 'eip-bbbbbbbb')])).toBe('none Static');
  });

  it('prints one aligned row per binding, sorted by pod', () => {
    const rows = planAdoption([candidate(pod('relay-1', STATS), address('eip-bbbbbbbb')), candidate(pod('game', OWNED, { phase: 'Failed' }), undefined)], {
      claims: [],
      pools: [],
      clusterId: 'c1',
      parse: (view) => tencentDialect.parse(view),
    });
    expect(planTable(rows).split('\n')).toEqual([
      'POD              ADDRESS       PUBLIC-IP    OWNERSHIP  ACTION',
      'default/game     -             -            -          skip: pod is not running',
      'default/relay-1  eip-bbbbbbbb  203.0.113.9  Static     adopt',
    ]);
  });
});
