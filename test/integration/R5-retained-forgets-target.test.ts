import { useHarness } from './harness.js';
import { claimInPhase } from './lifecycle-steps.js';
import { PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS)('R5 a Retained claim forgets its old target ($name)', (row) => {
  const world = useHarness(row);

  test('a static claim kept after its pod records no private IP and no network interface', async () => {
    const staticAddress = world().cloud.admin.createAddress({});
    await world().createPod('r5-forget', row.staticRequest([staticAddress.addressId], { keep: true }));
    const { claim } = await world().boundClaim('r5-forget');
    expect(claim.status).toMatchObject({ addressId: staticAddress.addressId, ownership: 'Static' });
    expect(claim.status!.privateIP).toBeDefined();
    expect(claim.status!.networkInterfaceId).toBeDefined();
    await world().deletePod('r5-forget');
    const retained = await claimInPhase(world(), 'r5-forget', 'Retained');
    expect(retained.status).toMatchObject({ addressId: staticAddress.addressId, ownership: 'Static', publicIP: staticAddress.publicIp });
    expect(retained.status!.privateIP).toBeUndefined();
    expect(retained.status!.networkInterfaceId).toBeUndefined();
    expect(retained.status!.podUID).toBeUndefined();
    expect(world().address(staticAddress.addressId)).toMatchObject({ status: row.status.available });
  });
});
