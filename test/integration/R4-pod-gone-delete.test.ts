import { eventually, useHarness } from './harness.js';
import { actionOf, PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS)('R4 pod gone, policy Delete ($name)', (row) => {
  const world = useHarness(row);

  test('deleting the pod deletes the claim and releases its address', async () => {
    await world().createPod('r4-web', row.ownedRequest());
    const { claim } = await world().boundClaim('r4-web');
    const addressId = claim.status!.addressId!;
    await world().deletePod('r4-web');
    await eventually('claim r4-web gone', async () => (await world().claim('r4-web')) === undefined);
    await eventually('address released', () => world().address(addressId) === undefined);
    const released = await eventually('ReleasedEIP event', async () => (await world().events('ReleasedEIP', 'r4-web'))[0]);
    expect(released.message).toBe(`released ${addressId}`);
    expect(world().calls(actionOf(row, 'release'))).toBe(1);
  });

  test('a pod that finished (Succeeded) is treated as gone', async () => {
    await world().createPod('r4-job', { ...row.ownedRequest(), 'sim.podeip.io/exit-after': '1s' });
    const claim = await eventually('claim r4-job has an address', async () => {
      const current = await world().claim('r4-job');
      return current?.status?.addressId ? current : undefined;
    });
    await eventually('pod r4-job Succeeded', async () => (await world().pod('r4-job'))?.status?.phase === 'Succeeded');
    await eventually('claim r4-job gone', async () => (await world().claim('r4-job')) === undefined);
    await eventually('address released', () => world().address(claim.status!.addressId!) === undefined);
  });
});
