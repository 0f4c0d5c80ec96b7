/**
 * SPEC §10 EIPPool on both providers: warm spares bind without an allocation, a returned address is
 * unbound and kept, PoolExhausted waits oldest first, admission is bad input, a pool's static address
 * is never released, and a deleted pool releases its owned addresses once no claim holds them.
 */
import { eventually, type Harness, NAMESPACE, useHarness } from './harness.js';
import { conditionWithReason, poolWith } from './lifecycle-steps.js';
import { actionOf, PROVIDER_ROWS, type ProviderRow } from './provider-rows.js';

const POOL = 'podeip.io/pool';

function poolRequest(pool: string, extra: Record<string, string> = {}): Record<string, string> {
  return { [POOL]: pool, ...extra };
}

function ownedOf(world: Harness, pool: string) {
  return world.cloud.admin.addresses().filter((address) => address.tags[POOL] === pool);
}

describe.each(PROVIDER_ROWS)('SPEC 10 EIPPool ($name)', (row: ProviderRow) => {
  const world = useHarness(row);
  const allocate = actionOf(row, 'allocate');
  const release = actionOf(row, 'release');

  test('warm spares are allocated ahead, a pod binds one with no allocation of its own, and the pool replenishes', async () => {
    await world().createPool('warm', { allocation: { minAvailable: 2, maxSize: 4 } });
    const ready = await poolWith(world(), 'warm', (pool) => pool.status?.available === 2);
    expect(ready.status).toMatchObject({ total: 2, available: 2, bound: 0 });
    expect(ownedOf(world(), 'warm').map((address) => address.tags['podeip.io/cluster'])).toEqual(['it-cluster', 'it-cluster']);
    const spares = ownedOf(world(), 'warm').map((address) => address.addressId);
    const allocationsBefore = world().calls(allocate);

    await world().createPod('warm-0', poolRequest('warm'));
    const { claim } = await world().boundClaim('warm-0');
    expect(spares).toContain(claim.status!.addressId);
    expect(claim.spec.pool).toBe('warm');
    expect(claim.status).toMatchObject({ pool: 'warm', ownership: 'Owned' });
    const replenished = await poolWith(world(), 'warm', (pool) => pool.status?.available === 2 && pool.status.bound === 1);
    expect(replenished.status!.total).toBe(3);
    expect(world().calls(allocate)).toBe(allocationsBefore + 1);
    const table = await world().kubectl('get', 'eipp', 'warm', '--no-headers');
    expect(table.split(/\s+/).slice(0, 4)).toEqual(['warm', '3', '2', '1']);
  });

  test('a deleted pod returns its address unbound to the pool: nothing is released, and the next pod of the name prefers it', async () => {
    await world().createPool('returns', { allocation: { minAvailable: 1, maxSize: 3 } });
    await poolWith(world(), 'returns', (pool) => pool.status?.available === 1);
    await world().createPod('ret-a', poolRequest('returns'));
    const first = await world().boundClaim('ret-a');
    const addressId = first.claim.status!.addressId!;
    const releasesBefore = world().calls(release);

    await world().deletePod('ret-a');
    await eventually('claim gone', async () => (await world().claim('ret-a')) === undefined);
    await eventually('address unbound and kept', () => world().address(addressId)?.status === row.status.available);
    expect(world().calls(release)).toBe(releasesBefore);
    await world().createPod('ret-a', poolRequest('returns'));
    const second = await world().boundClaim('ret-a');
    expect(second.claim.status!.addressId).toBe(addressId);
  });

  test('at maxSize a claim waits with PoolExhausted and takes the first address returned', async () => {
    const staticAddress = world().cloud.admin.createAddress({});
    const allocationsBefore = world().calls(allocate);
    await world().createPool('tight', { addresses: [staticAddress.addressId] });
    await world().createPod('tight-a', poolRequest('tight'));
    await world().boundClaim('tight-a');
    await world().createPod('tight-b', poolRequest('tight'));
    await conditionWithReason(world(), 'tight-b', 'Ready', 'PoolExhausted');
    const exhausted = await eventually('PoolExhausted on the pod', async () => (await world().events('PoolExhausted', 'tight-b'))[0]);
    expect(exhausted.type).toBe('Warning');

    await world().deletePod('tight-a');
    const { claim } = await world().boundClaim('tight-b');
    expect(claim.status).toMatchObject({ addressId: staticAddress.addressId, ownership: 'Static', pool: 'tight' });
    expect(world().calls(allocate)).toBe(allocationsBefore);
  });

  test('a pool that does not admit the namespace, or does not exist, is bad input with no cloud call', async () => {
    await world().createPool('games-only', { namespaceSelector: { matchLabels: { team: 'games' } }, allocation: { minAvailable: 0, maxSize: 2 } });
    const allocationsBefore = world().calls(allocate);
    await world().createPod('outsider', poolRequest('games-only'));
    await world().createPod('nowhere', poolRequest('no-such-pool'));
    const refused = await conditionWithReason(world(), 'outsider', 'Ready', 'InvalidRequest');
    expect(refused.message).toBe(`annotation ${POOL} EIPPool games-only does not admit namespace ${NAMESPACE} (its namespaceSelector does not match the namespace's labels)`);
    const missing = await conditionWithReason(world(), 'nowhere', 'Ready', 'InvalidRequest');
    expect(missing.message).toBe(`annotation ${POOL} names EIPPool no-such-pool, which does not exist`);
    expect(world().calls(allocate)).toBe(allocationsBefore);
    expect((await world().claim('outsider'))!.status!.addressId).toBeUndefined();
  });

  test('a pool lends a static address but never releases it; deleting the pool releases its owned addresses once no claim holds them', async () => {
    const staticAddress = world().cloud.admin.createAddress({});
    // minAvailable counts every free address of the pool: the static one is the first spare.
    await world().createPool('mixed', { addresses: [staticAddress.addressId], allocation: { minAvailable: 1, maxSize: 2 } });
    await poolWith(world(), 'mixed', (pool) => pool.status?.available === 1 && pool.status.total === 1);
    await world().createPod('mixed-a', poolRequest('mixed'));
    const { claim } = await world().boundClaim('mixed-a');
    expect(claim.status).toMatchObject({ addressId: staticAddress.addressId, ownership: 'Static' });
    await poolWith(world(), 'mixed', (pool) => pool.status?.available === 1 && pool.status.total === 2);
    const owned = ownedOf(world(), 'mixed').map((address) => address.addressId);
    expect(owned).toHaveLength(1);

    await world().deletePool('mixed');
    expect((await world().claim('mixed-a'))!.status!.phase).toBe('Bound');
    const deleting = await poolWith(world(), 'mixed', (pool) => pool.status?.conditions?.some((condition) => condition.reason === 'Deleting') ?? false);
    expect(deleting.metadata.finalizers).toEqual(['podeip.io/pool']);
    await world().deletePod('mixed-a');
    await eventually('pool gone', async () => (await world().pool('mixed')) === undefined);
    await eventually('owned addresses released', () => owned.every((addressId) => world().address(addressId) === undefined));
    expect(world().address(staticAddress.addressId)).toMatchObject({ status: row.status.available });
  });
});
