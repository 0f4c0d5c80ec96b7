/**
 * Review of R4 with R8: with --enable-ownerref the finalizer waits while a live pod of the claim's
 * name exists, so a cascade never frees an address in use. A StatefulSet pod with policy Delete that
 * is deleted and re-created under the same name is a different pod: the old claim must still finish
 * (release its address) so that the successor gets a claim and an address of its own, instead of the
 * finalizer waiting for a pod that will never go.
 */
import { eventually, useHarness } from './harness.js';
import { PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS)('review: owner references and a re-created StatefulSet pod ($name)', (row) => {
  const world = useHarness(row, { controller: { enableOwnerRef: true } });

  test('a StatefulSet pod re-created under the same name gets a new claim and address; the old address is released', async () => {
    await world().createStatefulSet('rv-sts', 1, row.ownedRequest());
    const first = await world().boundClaim('rv-sts-0');
    const oldAddress = first.claim.status!.addressId!;

    await world().deletePod('rv-sts-0');
    const second = await eventually('a new claim bound to the successor pod', async () => {
      const bound = await world().boundClaim('rv-sts-0', 1_000).catch(() => undefined);
      return bound && bound.claim.metadata.uid !== first.claim.metadata.uid ? bound : undefined;
    });

    expect(second.pod.metadata!.uid).not.toBe(first.pod.metadata!.uid);
    expect(second.claim.status!.podUID).toBe(second.pod.metadata!.uid);
    expect(second.claim.status!.addressId).not.toBe(oldAddress);
    expect(world().address(oldAddress)).toBeUndefined();
  });
});
