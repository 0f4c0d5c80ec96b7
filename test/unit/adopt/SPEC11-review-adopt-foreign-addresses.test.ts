import { describe, expect, it } from '@jest/globals';
import { planAdoption, type PlanRow } from '../../../src/adopt/adoption-plan.js';
import type { Candidate } from '../../../src/adopt/adoption-sources.js';
import { tencentDialect } from '../../../src/annotations/tencent.js';
import type { EIPClaim } from '../../../src/k8s/eipclaim.js';
import type { EIPPool } from '../../../src/k8s/eippool.js';
import type { PodView } from '../../../src/k8s/pod-view.js';
import type { CloudAddress } from '../../../src/providers/provider.js';

/**
 * SPEC §11 `podeip adopt` (review): an address another cluster's podeip tagged, another claim's
 * address, or a pool's owned address is never adopted: adopting it as Owned would retag it (stealing
 * it from its cluster or claim) and a second claim would later release or move what the first holds.
 */
const OWNED = { 'tke.cloud.tencent.com/eip-attributes': '{}' };

function pod(name: string): PodView {
  return { namespace: 'default', name, uid: `uid-${name}`, resourceVersion: '1', annotations: OWNED, labels: {}, ownerReferences: [], deleting: false, phase: 'Running', podIP: '10.0.0.5', ownConditions: {} };
}

function address(tags: Record<string, string>): CloudAddress {
  return { id: 'eip-cccccccc', publicIp: '203.0.113.9', state: 'Bound', rawStatus: 'BIND', target: { networkInterfaceId: 'eni-1', privateIp: '10.0.0.5' }, tags };
}

function claim(name: string, status: EIPClaim['status'], spec: Partial<EIPClaim['spec']> = {}): EIPClaim {
  return {
    apiVersion: 'podeip.io/v1alpha1',
    kind: 'EIPClaim',
    metadata: { name, namespace: 'default', uid: `claim-${name}`, resourceVersion: '1' },
    spec: { provider: 'tencent', deletePolicy: 'Never', ...spec },
    ...(status ? { status } : {}),
  };
}

function actionOf(found: CloudAddress, claims: EIPClaim[] = [], pools: EIPPool[] = []): string {
  const one: Candidate = { namespace: 'default', name: 'game', pod: pod('game'), addressId: found.id, address: found };
  const [row] = planAdoption([one], { claims, pools, clusterId: 'c1', parse: (view) => tencentDialect.parse(view) }) as [PlanRow];
  return row.action === 'skip' ? `skip: ${row.reason}` : `${row.action} ${row.ownership}`;
}

describe('SPEC §11 adopt never takes an address podeip already keeps for someone else', () => {
  it('an address an EIPPool lists is skipped: it is the pool\'s to lend, and an Owned claim would release it', () => {
    const lender: EIPPool = { apiVersion: 'podeip.io/v1alpha1', kind: 'EIPPool', metadata: { name: 'game-eu', uid: 'p1', resourceVersion: '1' }, spec: { namespaceSelector: {}, addresses: ['eip-cccccccc'] } };
    expect(actionOf(address({}), [], [lender])).toBe('skip: address is listed by EIPPool game-eu');
  });

  it('an address tagged for another cluster is skipped, not retagged', () => {
    expect(actionOf(address({ 'podeip.io/cluster': 'c2', 'podeip.io/claim-uid': 'claim-x' }))).toBe('skip: address is tagged for cluster c2');
  });

  it("another claim's address is skipped: tagged with its UID, or recorded or named by it", () => {
    expect(actionOf(address({ 'podeip.io/cluster': 'c1', 'podeip.io/claim-uid': 'claim-old' }), [claim('old', { phase: 'Retained', addressId: 'eip-cccccccc' })])).toBe(
      'skip: address is held by claim default/old',
    );
    expect(actionOf(address({}), [claim('old', { phase: 'Bound', addressId: 'eip-cccccccc' })])).toBe('skip: address is held by claim default/old');
    expect(actionOf(address({}), [claim('relay', undefined, { addressId: 'eip-cccccccc' })])).toBe('skip: address is held by claim default/relay');
    expect(actionOf(address({ 'podeip.io/cluster': 'c1', 'podeip.io/claim-uid': 'claim-gone' }))).toBe('skip: address is tagged for claim UID claim-gone');
  });

  it("a pool's owned address is skipped", () => {
    expect(actionOf(address({ 'podeip.io/cluster': 'c1', 'podeip.io/pool': 'games' }))).toBe('skip: address is tagged for EIPPool games');
  });

  it('an address this cluster never tagged is still adopted', () => {
    expect(actionOf(address({ team: 'games' }))).toBe('adopt Owned');
  });
});
