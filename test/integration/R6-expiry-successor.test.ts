/**
 * Review of R5/R6: a retained claim's expiry counts from the last pod of its name going away. A pod
 * re-created under that name clears the expiry as soon as it exists, not only once it is bound: a pod
 * stuck Pending past the old expiresAt and then deleted (an operator kicking it, its StatefulSet
 * about to re-create it) must not have its address released on the spot.
 */
import { eventually, NAMESPACE, useHarness } from './harness.js';
import { PROVIDER_ROWS } from './provider-rows.js';

const MINUTE = 60_000;

describe.each(PROVIDER_ROWS)('R6 expiry with a successor pod that never got an IP ($name)', (row) => {
  const world = useHarness(row, { controller: { claimExpiredMs: 10 * MINUTE } });

  test('the address is kept for the full expiry after the successor pod goes', async () => {
    await world().createPod('rv-pend', row.ownedRequest({ keep: true }));
    const { claim } = await world().boundClaim('rv-pend');
    const addressId = claim.status!.addressId!;
    await world().deletePod('rv-pend');
    await eventually('claim Retained', async () => (await world().claim('rv-pend'))?.status?.phase === 'Retained');

    world().clock.advance(MINUTE);
    await world().createPod('rv-pend', row.ownedRequest({ keep: true }), { nodeName: 'node-that-never-runs-it' });
    await eventually('expiry cleared while the successor exists', async () => (await world().claim('rv-pend'))?.status?.expiresAt === undefined);
    world().clock.advance(20 * MINUTE);

    await world().core.deleteNamespacedPod({ namespace: NAMESPACE, name: 'rv-pend', gracePeriodSeconds: 0 });
    const goneAt = world().clock.now().toISOString();
    const retained = await eventually('claim Retained again', async () => {
      const current = await world().claim('rv-pend');
      return current?.status?.phase === 'Retained' ? current : undefined;
    });
    expect(retained.status).toMatchObject({ addressId, podGoneAt: goneAt, expiresAt: new Date(Date.parse(goneAt) + 10 * MINUTE).toISOString() });
    expect(world().address(addressId)).toMatchObject({ status: row.status.available });
    expect(await world().events('ExpiredEIP', 'rv-pend')).toEqual([]);
  });
});
