import { eventually, useHarness } from './harness.js';
import { claimInPhase } from './lifecycle-steps.js';
import { PROVIDER_ROWS } from './provider-rows.js';

/** What a person might type to make a claim look like the other kind (SPEC §4: status.ownership decides, not spec). */
const LOOKS_OWNED = { allocation: { bandwidthMbps: 10, isp: 'BGP', chargeType: 'PayByTraffic', parameters: {} }, addressId: null };

describe.each(PROVIDER_ROWS)('SPEC §4 release is decided by status.ownership, not spec ($name)', (row) => {
  const world = useHarness(row);

  async function editSpec(name: string, spec: Record<string, unknown>): Promise<void> {
    await world().kubectl('patch', 'eipc', name, '--type', 'merge', '-p', JSON.stringify({ spec }));
  }

  test('a static claim edited to look owned only unbinds its address when the pod goes (policy Delete)', async () => {
    const staticAddress = world().cloud.admin.createAddress({});
    await world().createPod('own-static', row.staticRequest([staticAddress.addressId]));
    await world().boundClaim('own-static');
    // Stopped, so that podeip does not write the pod's request back over the edit before the pod goes.
    await world().stopController();
    await editSpec('own-static', LOOKS_OWNED);
    expect((await world().claim('own-static'))!.spec).toMatchObject({ allocation: LOOKS_OWNED.allocation });
    await world().deletePod('own-static');
    await world().startController();

    await eventually('claim own-static gone', async () => (await world().claim('own-static')) === undefined);
    expect(world().address(staticAddress.addressId)).toMatchObject({ status: row.status.available, publicIp: staticAddress.publicIp });
    expect(await world().events('ReleasedEIP', 'own-static')).toEqual([]);
  });

  test('an owned claim edited to name another address releases its own address on kubectl delete and leaves the named one alone', async () => {
    const named = world().cloud.admin.createAddress({});
    await world().createPod('own-owned', row.ownedRequest({ keep: true }));
    const { claim } = await world().boundClaim('own-owned');
    const owned = claim.status!.addressId!;
    await world().deletePod('own-owned');
    await claimInPhase(world(), 'own-owned', 'Retained');
    await editSpec('own-owned', { allocation: null, addressId: named.addressId });
    expect((await world().claim('own-owned'))!.spec.allocation).toBeUndefined();

    await world().kubectl('delete', 'eipc', 'own-owned', '--wait=false');
    await eventually('claim own-owned gone', async () => (await world().claim('own-owned')) === undefined);
    await eventually('the owned address released', () => world().address(owned) === undefined);
    expect(world().address(named.addressId)).toMatchObject({ status: row.status.available, publicIp: named.publicIp });
    const released = await world().events('ReleasedEIP', 'own-owned');
    expect(released.map((event) => event.message)).toEqual([`released ${owned}`]);
  });
});
