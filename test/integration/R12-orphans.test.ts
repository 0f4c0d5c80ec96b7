import { CLUSTER_ID, eventually, useHarness } from './harness.js';
import { PROVIDER_ROWS } from './provider-rows.js';

const MINUTE = 60_000;

describe.each(PROVIDER_ROWS)('R12 orphans ($name)', (row) => {
  const world = useHarness(row);

  test('a controller stopped between allocation and status write leaks nothing after restart', async () => {
    world().apiServer.hooks.injectFault({ method: 'PATCH', pathPattern: /\/eipclaims\/r12-crash\/status$/, status: 500 });
    await world().createPod('r12-crash', row.ownedRequest());
    await eventually('allocated in the cloud', () => world().calls(row.allocateAction) >= 1);
    await world().stopController();
    const claim = (await world().claim('r12-crash'))!;
    expect(claim.status?.addressId).toBeUndefined();
    world().apiServer.hooks.clearFaults();

    await world().startController();
    const { claim: bound } = await world().boundClaim('r12-crash');
    const tagged = world().cloud.admin.addresses().filter((address) => address.tags['podeip.io/claim-uid'] === claim.metadata.uid);
    expect(tagged.map((address) => address.addressId)).toEqual([bound.status!.addressId]);
  });

  test('an address tagged for this cluster without a claim is released after the grace period; others are never touched', async () => {
    const orphan = world().cloud.admin.createAddress({ tags: { 'podeip.io/cluster': CLUSTER_ID, 'podeip.io/claim-uid': 'no-such-claim' } });
    const foreign = world().cloud.admin.createAddress({ tags: { 'podeip.io/cluster': 'another-cluster', 'podeip.io/claim-uid': 'x' } });
    const untagged = world().cloud.admin.createAddress({});
    // Each step waits for a whole pass: the grace period counts from the pass that first saw the orphan.
    await world().controller!.syncCloud();
    world().clock.advance(9 * MINUTE);
    await world().controller!.syncCloud();
    expect(world().address(orphan.addressId)).toBeDefined();

    world().clock.advance(MINUTE);
    await world().controller!.syncCloud();
    await eventually('orphan released (the cloud takes a moment to finish)', () => world().address(orphan.addressId) === undefined);
    expect(world().address(foreign.addressId)).toBeDefined();
    expect(world().address(untagged.addressId)).toBeDefined();
    const metrics = await (await fetch(`${world().controller!.metricsUrl}/metrics`)).text();
    expect(metrics).toContain('podeip_orphans_released_total 1\n');
  });
});

describe.each(PROVIDER_ROWS)('R12 orphans across restarts ($name)', (row) => {
  const world = useHarness(row);

  test('a controller restarted every 5 minutes still releases an orphan once the grace period has passed since its creation', async () => {
    const orphan = world().cloud.admin.createAddress({ tags: { 'podeip.io/cluster': CLUSTER_ID, 'podeip.io/claim-uid': 'gone-claim' } });
    await world().controller!.syncCloud();
    for (const minutes of [5, 9]) {
      world().clock.advance((minutes === 5 ? 5 : 4) * MINUTE);
      await world().stopController();
      await world().startController();
      await world().controller!.syncCloud();
      expect(world().address(orphan.addressId)).toBeDefined();
    }
    // The emulator stamps creation with its own (real) clock: a minute of margin for the real seconds this test took.
    world().clock.advance(2 * MINUTE);
    await world().stopController();
    await world().startController();
    await world().controller!.syncCloud();
    await eventually('orphan released after restarts', () => world().address(orphan.addressId) === undefined);
  });
});
