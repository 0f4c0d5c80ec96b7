/**
 * Review of R4/R9: a static address whose bind finished in the cloud but was not yet recorded as Bound
 * in the claim (status write failed, or the controller stopped) when the pod went away. podeip did bind it,
 * so the finalizer must unbind it; left bound to the dead pod's IP, it would follow whichever pod
 * gets that IP next, and the next pod asking for it would wait on AddressInUse forever.
 */
import { eventually, useHarness } from './harness.js';
import { actionOf, PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS)('R9 static address bound while its pod went away ($name)', (row) => {
  const world = useHarness(row);

  test('the finalizer unbinds a static address podeip bound before recording the target', async () => {
    const staticAddress = world().cloud.admin.createAddress({ name: 'static' });
    world().cloud.admin.setFault({ action: actionOf(row, 'associate'), hang: true });
    await world().createPod('rv-mid', row.staticRequest([staticAddress.addressId]));
    await world().cloud.admin.untilHanging(1);
    const podIp = (await world().pod('rv-mid'))!.status!.podIP!;
    world().apiServer.hooks.injectFault({ method: 'PATCH', pathPattern: /\/eipclaims\/rv-mid\/status$/, status: 500 });
    world().cloud.admin.clearFaults(actionOf(row, 'associate'));
    await eventually('bound in the cloud', () => world().address(staticAddress.addressId)?.status === row.status.bound);
    expect(world().address(staticAddress.addressId)!.privateIp).toBe(podIp);
    expect((await world().claim('rv-mid'))!.status!.phase).toBe('Allocated');

    await world().deletePod('rv-mid');
    await eventually('claim deleting', async () => (await world().claim('rv-mid'))?.metadata.deletionTimestamp !== undefined);
    world().apiServer.hooks.clearFaults();
    await eventually('claim gone', async () => (await world().claim('rv-mid')) === undefined);

    expect(world().address(staticAddress.addressId)).toMatchObject({ status: row.status.available });
    expect(world().address(staticAddress.addressId)!.privateIp).toBeUndefined();
    expect(world().calls(actionOf(row, 'release'))).toBe(0);
  });
});
