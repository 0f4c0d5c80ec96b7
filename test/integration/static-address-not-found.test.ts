/**
 * A static address the cloud does not know (issue 15 item 4): the claim waits with its own reason,
 * AddressNotFound (not AddressLost, which means an owned address deleted out of band), and never
 * says Allocated=True; nothing is allocated in its place.
 */
import { eventually, useHarness } from './harness.js';
import { PROVIDER_ROWS } from './provider-rows.js';

const MISSING_ID = { tencent: 'eip-0000dead', alibaba: 'eip-0000000000000000dead' } as const;

describe.each(PROVIDER_ROWS)('a static address that does not exist ($name)', (row) => {
  const world = useHarness(row, { controller: { cloudSyncIntervalMs: 100 } });

  const readyAndAllocated = async (name: string) => {
    const claim = (await world().claim(name))!;
    const conditions = Object.fromEntries((claim.status!.conditions ?? []).map((condition) => [condition.type, condition]));
    return { claim, ready: conditions.Ready, allocated: conditions.Allocated };
  };

  test('gets AddressNotFound on the claim and the pod, no Allocated=True, and no allocation', async () => {
    const missing = MISSING_ID[row.name];
    await world().createPod('ghost', row.staticRequest([missing]));
    const warning = await eventually('AddressNotFound', async () => (await world().events('AddressNotFound', 'ghost'))[0]);
    expect(warning.type).toBe('Warning');
    expect(warning.message).toBe(`static address ${missing} does not exist`);
    const { claim, ready, allocated } = await readyAndAllocated('ghost');
    expect(claim.status!.phase).toBe('Pending');
    expect(claim.status!.addressId).toBeUndefined();
    expect(ready).toMatchObject({ status: 'False', reason: 'AddressNotFound' });
    expect(allocated?.status).not.toBe('True');
    expect(await world().events('AddressLost', 'ghost')).toEqual([]);
    expect(world().calls(row.allocateAction)).toBe(0);
  });

  test('a bound static address deleted out of band: AddressNotFound, Allocated=False, not replaced', async () => {
    const staticId = world().cloud.admin.createAddress({ name: 'static' }).addressId;
    await world().createPod('vanished', row.staticRequest([staticId]));
    const bound = await world().boundClaim('vanished');
    await world().stopController();
    const provider = await world().directProvider();
    await provider.disassociate(staticId, { networkInterfaceId: bound.claim.status!.networkInterfaceId!, privateIp: bound.claim.status!.privateIP! });
    await eventually('unbound', () => world().address(staticId)?.status === row.status.available);
    await provider.release(staticId);
    provider.close();
    await eventually('released', () => world().address(staticId) === undefined);
    await world().startController();
    const warning = await eventually('AddressNotFound', async () => (await world().events('AddressNotFound', 'vanished'))[0]);
    expect(warning.message).toBe(`static address ${staticId} does not exist`);
    const { claim, ready, allocated } = await readyAndAllocated('vanished');
    expect(claim.status!.addressId).toBeUndefined();
    expect(ready).toMatchObject({ status: 'False', reason: 'AddressNotFound' });
    expect(allocated).toMatchObject({ status: 'False', reason: 'AddressNotFound' });
    expect(await world().events('AddressLost', 'vanished')).toEqual([]);
    expect(world().calls(row.allocateAction)).toBe(0);
  });
});
