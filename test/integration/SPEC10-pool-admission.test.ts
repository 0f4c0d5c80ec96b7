/**
 * SPEC §10 "a pool address is never handed to a pod the pool does not admit", and pods the pool does
 * not admit never keep admitted ones waiting (found by review: each of these failed before its fix).
 */
import { eventually, type Harness, NAMESPACE, useHarness } from './harness.js';
import { conditionWithReason, poolWith } from './lifecycle-steps.js';
import { PROVIDER_ROWS, type ProviderRow } from './provider-rows.js';

const POOL = 'podeip.io/pool';
const MINUTE = 60_000;

async function labeledPod(world: Harness, name: string, annotations: Record<string, string>, labels: Record<string, string>): Promise<void> {
  await world.core.createNamespacedPod({ namespace: NAMESPACE, body: { metadata: { name, annotations, labels }, spec: { containers: [{ name: 'app', image: 'busybox' }] } } });
}

async function poolPasses(world: Harness): Promise<number> {
  const metric = await world.controller!.metrics.reconcileTotal.get();
  return metric.values.filter((value) => value.labels.controller === 'eippool').reduce((sum, value) => sum + value.value, 0);
}

describe.each(PROVIDER_ROWS)('SPEC 10 pool admission ($name)', (row: ProviderRow) => {
  const world = useHarness(row);

  test('an older claim of a pod the pool does not admit does not keep an admitted pod waiting', async () => {
    const only = world().cloud.admin.createAddress({});
    await world().createPool('selective', { addresses: [only.addressId], podSelector: { matchLabels: { app: 'game' } } });
    await poolWith(world(), 'selective', (pool) => pool.status?.available === 1);
    await labeledPod(world(), 'outsider', { [POOL]: 'selective' }, { app: 'other' });
    await conditionWithReason(world(), 'outsider', 'Ready', 'InvalidRequest');
    await labeledPod(world(), 'insider', { [POOL]: 'selective' }, { app: 'game' });
    const { claim } = await world().boundClaim('insider');
    expect(claim.status!.addressId).toBe(only.addressId);
  });

  test('a pod the pool does not admit naming its static address gets bad input and does not lock the address away', async () => {
    const guarded = world().cloud.admin.createAddress({});
    await world().createPool('guarded', { addresses: [guarded.addressId], podSelector: { matchLabels: { app: 'game' } } });
    await poolWith(world(), 'guarded', (pool) => pool.status?.available === 1);
    await labeledPod(world(), 'thief', row.staticRequest([guarded.addressId]), { app: 'other' });
    const refused = await conditionWithReason(world(), 'thief', 'Ready', 'InvalidRequest');
    expect(refused.message).toContain(`which EIPPool guarded lends: EIPPool guarded does not admit pod thief`);
    await labeledPod(world(), 'legit', { [POOL]: 'guarded' }, { app: 'game' });
    const { claim } = await world().boundClaim('legit');
    expect(claim.status!.addressId).toBe(guarded.addressId);
  });

  test('a kept pool address is not handed to a re-created pod of the name that the pool does not admit', async () => {
    const kept = world().cloud.admin.createAddress({});
    await world().createPool('keeps', { addresses: [kept.addressId], podSelector: { matchLabels: { app: 'game' } } });
    const keep = row.ownedRequest({ keep: true });
    const policy = Object.fromEntries(Object.entries(keep).filter(([key]) => /delete-policy|release-strategy/.test(key)));
    await labeledPod(world(), 'keeper-0', { [POOL]: 'keeps', ...policy }, { app: 'game' });
    await world().boundClaim('keeper-0');
    await world().deletePod('keeper-0');
    await eventually('Retained, pod gone', async () => (await world().claim('keeper-0'))?.status?.phase === 'Retained' && !(await world().pod('keeper-0')));
    await labeledPod(world(), 'keeper-0', { [POOL]: 'keeps', ...policy }, { app: 'intruder' });
    const refused = await conditionWithReason(world(), 'keeper-0', 'Ready', 'InvalidRequest');
    expect(refused.message).toContain(`keeps ${kept.addressId} of EIPPool keeps for a pod it does not admit`);
    expect(world().address(kept.addressId)).toMatchObject({ status: row.status.available });
  });

  test('an address a pool lists is never released, even when it carries a pool tag from before', async () => {
    await world().createPool('first', { reclaimPolicy: 'Retain', allocation: { minAvailable: 1, maxSize: 1 } });
    const first = await poolWith(world(), 'first', (pool) => pool.status?.available === 1);
    const addressId = first.status!.addresses![0]!.addressId;
    await world().deletePool('first');
    await eventually('pool gone', async () => (await world().pool('first')) === undefined);
    expect(world().address(addressId)).toBeDefined();
    await world().createPool('first', { addresses: [addressId], allocation: { minAvailable: 0, maxSize: 1, releaseIdleAfter: '5m' } });
    const again = await poolWith(world(), 'first', (pool) => pool.status?.total === 1);
    expect(again.status!.addresses).toEqual([expect.objectContaining({ addressId, ownership: 'Static', state: 'Available' })]);
    world().clock.advance(6 * MINUTE);
    await world().controller!.syncCloud();
    // A pool pass after the idle period (a label change wakes it): it must not release the listed address.
    const passesBefore = await poolPasses(world());
    await world().custom.patchClusterCustomObject({ group: 'podeip.io', version: 'v1alpha1', plural: 'eippools', name: 'first', body: [{ op: 'add', path: '/metadata/labels', value: { poke: '1' } }] });
    await eventually('a pool pass', async () => (await poolPasses(world())) > passesBefore);
    expect(world().address(addressId)).toBeDefined();
    await world().createPod('lister', { [POOL]: 'first' });
    const { claim } = await world().boundClaim('lister');
    expect(claim.status!.addressId).toBe(addressId);
  });
});
