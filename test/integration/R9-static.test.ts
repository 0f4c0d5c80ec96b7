import { eventually, useHarness } from './harness.js';
import { actionOf, PROVIDER_ROWS } from './provider-rows.js';

/** An ordinal workload no simulated controller manages, so the pod stays as created (issue 14 item 12: ordinals only under such owners). */
const GAME_SERVER_SET = { apiVersion: 'game.kruise.io/v1alpha1', kind: 'GameServerSet', name: 'short', uid: 'uid-of-gameserverset-short', controller: true };

describe.each(PROVIDER_ROWS)('R9 static addresses ($name)', (row) => {
  const world = useHarness(row);
  const listsOnly = row.staticIdLists ? test : test.skip;
  let ids: string[];
  beforeAll(() => {
    ids = [0, 1, 2].map(() => world().cloud.admin.createAddress({ name: 'static' }).addressId);
  });

  listsOnly('an address list maps pod ordinals to list entries', async () => {
    await world().createStatefulSet('fixed', 2, row.staticRequest(ids.slice(0, 2)));
    const [zero, one] = await Promise.all([world().boundClaim('fixed-0'), world().boundClaim('fixed-1')]);
    expect(zero.claim.status).toMatchObject({ addressId: ids[0], ownership: 'Static' });
    expect(one.claim.status).toMatchObject({ addressId: ids[1], ownership: 'Static' });
    expect(world().calls(row.allocateAction)).toBe(0);
  });

  listsOnly('an ordinal past the end of the list gets no address and a Warning', async () => {
    await world().createPod('short-5', row.staticRequest(ids), { ownerReferences: [GAME_SERVER_SET] });
    const claim = await eventually('claim short-5 Pending', async () => {
      const current = await world().claim('short-5');
      return current?.status?.phase === 'Pending' ? current : undefined;
    });
    expect(claim.status!.addressId).toBeUndefined();
    const warning = await eventually('Warning', async () => (await world().events('InvalidEIPRequest', 'short-5'))[0]);
    expect(warning.message).toBe('pod ordinal 5 is past the end of the address list (3 entries)');
  });

  test('a second pod asking for a held address gets AddressConflict and waits', async () => {
    await world().createPod('holder', row.staticRequest([ids[2]!]));
    const holder = await world().boundClaim('holder');
    await world().createPod('rival', row.staticRequest([ids[2]!]));
    const conflict = await eventually('AddressConflict', async () => (await world().events('AddressConflict', 'rival'))[0]);
    expect(conflict.type).toBe('Warning');
    expect(conflict.message).toBe(`address ${ids[2]} is held by claim default/holder; waiting`);
    expect((await world().claim('rival'))!.status).toMatchObject({ phase: 'Pending' });
    expect(world().address(ids[2]!)!.privateIp).toBe(holder.pod.status!.podIP);
  });

  test('a static address bound by someone else is not taken over', async () => {
    const eni = world().cloud.admin.enis()[0]!;
    const foreign = world().cloud.admin.createAddress({ networkInterfaceId: eni.networkInterfaceId, privateIp: eni.privateIps[0]!.address });
    await world().createPod('squatter', row.staticRequest([foreign.addressId]));
    const conflict = await eventually('AddressConflict', async () => (await world().events('AddressConflict', 'squatter'))[0]);
    expect(conflict.message).toBe(
      `static address ${foreign.addressId} is bound to ${eni.networkInterfaceId}/${eni.privateIps[0]!.address}, which podeip did not bind; not taking it over`,
    );
    expect(world().address(foreign.addressId)).toMatchObject({ status: row.status.bound, privateIp: eni.privateIps[0]!.address });
  });

  test('static addresses are unbound but never released when their pods and claims go; a waiting pod then gets its turn', async () => {
    if (row.staticIdLists) await world().apps.deleteNamespacedStatefulSet({ namespace: 'default', name: 'fixed' });
    await world().deletePod('holder');
    await eventually('claims gone', async () => !(await world().claim('holder')) && !(await world().claim('fixed-0')) && !(await world().claim('fixed-1')));
    if (row.staticIdLists) await eventually('list addresses unbound', () => ids.slice(0, 2).every((id) => world().address(id)?.status === row.status.available));
    const rival = await world().boundClaim('rival');
    expect(rival.claim.status!.addressId).toBe(ids[2]);
    expect(ids.map((id) => world().address(id)?.addressId)).toEqual(ids);
    expect(world().calls(actionOf(row, 'release'))).toBe(0);
  });
});
