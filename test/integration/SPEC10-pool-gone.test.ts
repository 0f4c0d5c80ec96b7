/**
 * SPEC §10 "no owned pool address leaks when the pool or the controller goes away" (issue 11 item 4):
 * a pool whose finalizer someone removed by force never released its spares; the orphan collection
 * (R12) releases them once the grace period has passed, and never an address another pool lists.
 * A pool deleted with `reclaimPolicy: Retain` untags its owned addresses, so they are no longer
 * podeip's: neither the orphan collection nor teardown ever releases them.
 */
import { POOL_FINALIZER } from '../../src/k8s/eippool.js';
import { CLUSTER_ID, eventually, useHarness } from './harness.js';
import { poolWith } from './lifecycle-steps.js';
import { PROVIDER_ROWS, type ProviderRow } from './provider-rows.js';

const POOL = 'podeip.io/pool';
const MINUTE = 60_000;

describe.each(PROVIDER_ROWS)('SPEC 10 a pool gone ($name)', (row: ProviderRow) => {
  const world = useHarness(row);
  const taggedFor = (pool: string) => world().cloud.admin.addresses().filter((address) => address.tags[POOL] === pool).map((address) => address.addressId);

  test('its owned spares are released as orphans after the grace period; a listed address tagged for it is kept', async () => {
    await world().createPool('forced', { allocation: { minAvailable: 2, maxSize: 2 } });
    await poolWith(world(), 'forced', (pool) => pool.status?.available === 2);
    const spares = taggedFor('forced').sort();
    expect(spares).toHaveLength(2);
    // An address another pool lists, carrying the gone pool's tag from before: a static member, never released.
    const listed = world().cloud.admin.createAddress({ tags: { 'podeip.io/cluster': CLUSTER_ID, [POOL]: 'forced' } });
    await world().createPool('keeper', { addresses: [listed.addressId] });
    await poolWith(world(), 'keeper', (pool) => pool.status?.total === 1);

    await world().custom.patchClusterCustomObject({ group: 'podeip.io', version: 'v1alpha1', plural: 'eippools', name: 'forced', body: [{ op: 'remove', path: '/metadata/finalizers' }] });
    await world().deletePool('forced');
    await eventually('pool gone', async () => (await world().pool('forced')) === undefined);
    await world().controller!.syncCloud();
    expect(taggedFor('forced').sort()).toEqual([listed.addressId, ...spares].sort());

    world().clock.advance(11 * MINUTE);
    await eventually('the spares released', async () => {
      await world().controller!.syncCloud();
      return taggedFor('forced').length === 1;
    });
    expect(taggedFor('forced')).toEqual([listed.addressId]);
    expect((await world().pool('keeper'))?.metadata.finalizers).toEqual([POOL_FINALIZER]);
  });

  test('Retain: a deleted pool\'s owned addresses stay allocated, untagged, and the orphan collection leaves them', async () => {
    await world().createPool('kept', { reclaimPolicy: 'Retain', allocation: { minAvailable: 2, maxSize: 2 } });
    await poolWith(world(), 'kept', (pool) => pool.status?.available === 2);
    const spares = taggedFor('kept').sort();
    expect(spares).toHaveLength(2);

    await world().deletePool('kept');
    await eventually('pool gone', async () => (await world().pool('kept')) === undefined);
    const left = spares.map((addressId) => world().address(addressId));
    for (const address of left) expect(address?.tags).toEqual({});

    world().clock.advance(11 * MINUTE);
    await world().controller!.syncCloud();
    await world().controller!.syncCloud();
    expect(spares.filter((addressId) => world().address(addressId) !== undefined)).toEqual(spares);
  });
});
