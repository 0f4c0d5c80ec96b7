import { eventually, useHarness } from './harness.js';
import { actionOf, PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS)('R11 drift ($name)', (row) => {
  const world = useHarness(row, { controller: { cloudSyncIntervalMs: 100 } });

  test('an address unbound behind podeip\'s back is re-bound', async () => {
    await world().createPod('r11-web', row.ownedRequest());
    const { claim, pod } = await world().boundClaim('r11-web');
    const addressId = claim.status!.addressId!;
    const associationsBefore = world().calls(actionOf(row, 'associate'));
    const provider = await world().directProvider();
    await provider.disassociate(addressId, { networkInterfaceId: claim.status!.networkInterfaceId!, privateIp: claim.status!.privateIP! });
    provider.close();
    await eventually('re-bound by podeip', () => {
      const address = world().address(addressId);
      return world().calls(actionOf(row, 'associate')) === associationsBefore + 1 && address?.status === row.status.bound && address.privateIp === pod.status!.podIP;
    });
    expect((await world().claim('r11-web'))!.status!.addressId).toBe(addressId);
    const metrics = await (await fetch(`${world().controller!.metricsUrl}/metrics`)).text();
    expect(metrics).toContain('podeip_repairs_total{kind="rebind"} 1\n');
  });

  test('an owned address deleted out of band is replaced and reported', async () => {
    await world().createPod('r11-lost', row.ownedRequest());
    const first = await world().boundClaim('r11-lost');
    const lostId = first.claim.status!.addressId!;
    await world().stopController();
    const provider = await world().directProvider();
    await provider.disassociate(lostId, { networkInterfaceId: first.claim.status!.networkInterfaceId!, privateIp: first.claim.status!.privateIP! });
    await eventually('unbound', () => world().address(lostId)?.status === row.status.available);
    await provider.release(lostId);
    provider.close();
    await eventually('released', () => world().address(lostId) === undefined);
    await world().startController();
    const second = await eventually('replacement bound', async () => {
      const bound = await world().boundClaim('r11-lost');
      return bound.claim.status!.addressId !== lostId ? bound : undefined;
    });
    expect(second.claim.status!.replacements).toBe(1);
    const metrics = await (await fetch(`${world().controller!.metricsUrl}/metrics`)).text();
    expect(metrics).toContain('podeip_repairs_total{kind="replaced"} 1\n');
    const lost = await eventually('AddressLost', async () => (await world().events('AddressLost', 'r11-lost'))[0]);
    expect(lost.type).toBe('Warning');
    expect(lost.message).toBe(`address ${lostId} was deleted outside podeip; allocating a replacement`);
    const allocated = (await world().events('AllocatedEIP', 'r11-lost')).filter((event) => event.involvedObject.kind === 'Pod');
    expect(allocated.map((event) => event.message)).toContain(`allocated ${second.claim.status!.addressId}`);
  });
});
