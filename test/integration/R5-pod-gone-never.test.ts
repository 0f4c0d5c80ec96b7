import { eventually, useHarness } from './harness.js';
import { PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS)('R5 pod gone, policy Never ($name)', (row) => {
  const world = useHarness(row);

  test('a StatefulSet pod deleted and re-created keeps the same address', async () => {
    await world().createStatefulSet('game', 1, row.ownedRequest({ keep: true }));
    const first = await world().boundClaim('game-0');
    const addressId = first.claim.status!.addressId!;
    await world().deletePod('game-0');
    const second = await eventually('game-0 re-created and bound', async () => {
      const bound = await world().boundClaim('game-0');
      return bound.pod.metadata!.uid !== first.pod.metadata!.uid ? bound : undefined;
    });
    expect(second.claim.metadata.uid).toBe(first.claim.metadata.uid);
    expect(second.claim.status).toMatchObject({ addressId, publicIP: first.claim.status!.publicIP, podUID: second.pod.metadata!.uid });
    expect(second.claim.status!.expiresAt).toBeUndefined();
    expect(world().calls(row.allocateAction)).toBe(1);
    expect(world().address(addressId)).toMatchObject({ status: row.status.bound, privateIp: second.pod.status!.podIP });
  });

  test('with no pod left the claim is Retained, the address unbound but kept', async () => {
    await world().createPod('r5-solo', row.ownedRequest({ keep: true }));
    const { claim } = await world().boundClaim('r5-solo');
    await world().deletePod('r5-solo');
    const retained = await eventually('claim Retained', async () => {
      const current = await world().claim('r5-solo');
      return current?.status?.phase === 'Retained' ? current : undefined;
    });
    expect(retained.status!.podGoneAt).toBe(world().clock.now().toISOString());
    expect(retained.status!.expiresAt).toBeUndefined();
    expect(world().address(claim.status!.addressId!)).toMatchObject({ status: row.status.available });
    const event = await eventually('RetainedEIP', async () => (await world().events('RetainedEIP', 'r5-solo'))[0]);
    expect(event.message).toBe(`pod is gone; keeping address ${claim.status!.addressId}`);
  });
});
