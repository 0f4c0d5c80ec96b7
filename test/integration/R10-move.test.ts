import { eventually, useHarness } from './harness.js';
import { actionOf, PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS)('R10 re-bind on move ($name)', (row) => {
  const world = useHarness(row);

  test('a pod re-created under the same name on another node while its address is still bound is re-bound there', async () => {
    await world().createPod('r10-web', row.ownedRequest({ keep: true }), { nodeName: 'node-1' });
    const first = await world().boundClaim('r10-web');
    const addressId = first.claim.status!.addressId!;
    await world().stopController();
    await world().deletePod('r10-web');
    await eventually('old pod gone', async () => (await world().pod('r10-web')) === undefined);
    await world().createPod('r10-web', row.ownedRequest({ keep: true }), { nodeName: 'node-2' });
    const newIp = await eventually('new pod IP', async () => (await world().pod('r10-web'))?.status?.podIP);
    expect(world().address(addressId)!.privateIp).toBe(first.pod.status!.podIP);

    await world().startController();
    const second = await eventually('re-bound to the new pod', async () => {
      const bound = await world().boundClaim('r10-web');
      return bound.claim.status!.privateIP === newIp ? bound : undefined;
    });
    expect(second.claim.status!.addressId).toBe(addressId);
    expect(world().address(addressId)).toMatchObject({ status: row.status.bound, privateIp: newIp, networkInterfaceId: world().network.interfaceOfIp(newIp)!.networkInterfaceId });
    const moved = (await world().events('DisassociatedEIP', 'r10-web')).find((event) => event.involvedObject.kind === 'Pod')!;
    expect(moved.message).toBe(`unbound ${addressId} from ${first.pod.status!.podIP} to bind it to ${newIp}`);
  });
});

describe.each(PROVIDER_ROWS.filter((row) => row.unauthorizedCode))('R10 a refused unbind on move ($name)', (row) => {
  const world = useHarness(row);

  test('is reported as FailedDisassociateEIP (not FailedAssociateEIP), with the cloud code', async () => {
    await world().createPod('r10-refused', row.ownedRequest({ keep: true }), { nodeName: 'node-1' });
    await world().boundClaim('r10-refused');
    await world().stopController();
    await world().deletePod('r10-refused');
    await eventually('old pod gone', async () => (await world().pod('r10-refused')) === undefined);
    await world().createPod('r10-refused', row.ownedRequest({ keep: true }), { nodeName: 'node-2' });
    await eventually('new pod IP', async () => (await world().pod('r10-refused'))?.status?.podIP);
    const disassociate = actionOf(row, 'disassociate');
    world().cloud.admin.setFault({ action: disassociate, errorCode: row.unauthorizedCode!, errorMessage: 'no' });

    await world().startController();
    const failed = await eventually('FailedDisassociateEIP', async () => (await world().events('FailedDisassociateEIP', 'r10-refused')).find((event) => event.involvedObject.kind === 'Pod'));
    expect(failed.message).toContain(`${disassociate} failed: Code=${row.unauthorizedCode}`);
    expect(await world().events('FailedAssociateEIP', 'r10-refused')).toEqual([]);
    world().cloud.admin.clearFaults(disassociate);
  });
});
