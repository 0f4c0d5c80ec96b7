import { eventually, useHarness } from './harness.js';
import { claimInPhase, reconciles } from './lifecycle-steps.js';
import { PROVIDER_ROWS } from './provider-rows.js';

const MINUTE = 60_000;

describe.each(PROVIDER_ROWS)('R6 expiry follows the current --claim-expired-duration ($name)', (row) => {
  const world = useHarness(row);

  async function retainedAddress(name: string): Promise<{ addressId: string; podGoneAt: string; expiresAt: string | undefined }> {
    await world().createPod(name, row.ownedRequest({ keep: true }));
    const { claim } = await world().boundClaim(name);
    await world().deletePod(name);
    const retained = await claimInPhase(world(), name, 'Retained');
    return { addressId: claim.status!.addressId!, podGoneAt: retained.status!.podGoneAt!, expiresAt: retained.status!.expiresAt };
  }

  async function restartController(claimExpiredMs: number | undefined): Promise<void> {
    await world().stopController();
    await world().startController({ claimExpiredMs });
  }

  test('setting the flag later dates the expiry from podGoneAt and releases the address when it passes', async () => {
    const { addressId, podGoneAt, expiresAt } = await retainedAddress('r6-later');
    expect(expiresAt).toBeUndefined();

    await restartController(10 * MINUTE);
    const expected = new Date(Date.parse(podGoneAt) + 10 * MINUTE).toISOString();
    await claimInPhase(world(), 'r6-later', 'Retained', (claim) => claim.status?.expiresAt === expected);

    world().clock.advance(11 * MINUTE);
    await eventually('claim r6-later gone', async () => (await world().claim('r6-later')) === undefined);
    await eventually('address released', () => world().address(addressId) === undefined);
    const expired = (await world().events('ExpiredEIP', 'r6-later'))[0]!;
    expect(expired.message).toBe(`no pod of this name since ${podGoneAt}; releasing ${addressId}`);
  });

  test('removing the flag cancels an expiry not yet due: the address is kept after the old date passes', async () => {
    await restartController(10 * MINUTE);
    const { addressId, podGoneAt, expiresAt } = await retainedAddress('r6-removed');
    expect(expiresAt).toBe(new Date(Date.parse(podGoneAt) + 10 * MINUTE).toISOString());

    await restartController(undefined);
    await claimInPhase(world(), 'r6-removed', 'Retained', (claim) => claim.status?.expiresAt === undefined);

    const reconcilesBefore = await reconciles(world());
    world().clock.advance(11 * MINUTE);
    await world().controller!.syncCloud();
    await eventually('the claim reconciled after the old expiry (the sync re-queues it)', async () => (await reconciles(world())) > reconcilesBefore);
    const kept = await world().claim('r6-removed');
    expect(kept?.status).toMatchObject({ phase: 'Retained', addressId, podGoneAt });
    expect(kept?.status?.expiresAt).toBeUndefined();
    expect(world().address(addressId)).toMatchObject({ status: row.status.available });
    expect(await world().events('ExpiredEIP', 'r6-removed')).toEqual([]);
  });
});
