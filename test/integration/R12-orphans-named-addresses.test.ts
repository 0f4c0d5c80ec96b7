/**
 * Review of R12: the orphan collector releases only addresses podeip allocated and no claim holds.
 * An address carrying this cluster's tag but held by a live claim (a static address that podeip once
 * allocated, named again in eip-id-list / pod-eip-instanceid) or missing podeip's claim tag is never
 * unbound or released.
 */
import { CLUSTER_ID, eventually, type Harness, useHarness } from './harness.js';
import { actionOf, PROVIDER_ROWS } from './provider-rows.js';

const GRACE_MS = 10 * 60_000;

/** A true orphan, then clock jumps until it is released: every pass that started before has finished. */
async function sweep(world: Harness, label: string): Promise<void> {
  const sentinel = world.cloud.admin.createAddress({ tags: { 'podeip.io/cluster': CLUSTER_ID, 'podeip.io/claim-uid': `sentinel-${label}` } });
  await eventually(`sentinel ${label} released`, () => {
    if (world.address(sentinel.addressId) === undefined) return true;
    world.clock.advance(GRACE_MS + 1);
    return false;
  });
}

describe.each(PROVIDER_ROWS)('R12 orphan collector ($name)', (row) => {
  const world = useHarness(row);

  test('a cluster-tagged address held by a live static claim, or lacking the claim tag, is neither unbound nor released', async () => {
    const formerlyOwned = world().cloud.admin.createAddress({
      tags: { 'podeip.io/cluster': CLUSTER_ID, 'podeip.io/claim-uid': 'uid-of-a-claim-removed-by-force', 'podeip.io/namespace': 'default', 'podeip.io/name': 'old' },
    });
    const partlyTagged = world().cloud.admin.createAddress({ tags: { 'podeip.io/cluster': CLUSTER_ID } });
    await world().createPod('rv-static', row.staticRequest([formerlyOwned.addressId]));
    const { pod } = await world().boundClaim('rv-static');

    await sweep(world(), 'first');
    await sweep(world(), 'second');

    expect(world().calls(actionOf(row, 'disassociate'))).toBe(0);
    expect(world().calls(actionOf(row, 'release'))).toBe(2);
    expect(world().address(formerlyOwned.addressId)).toMatchObject({ status: row.status.bound, privateIp: pod.status!.podIP });
    expect(world().address(partlyTagged.addressId)).toMatchObject({ status: row.status.available });
  });
});
