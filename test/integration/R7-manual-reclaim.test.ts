import { eventually, useHarness } from './harness.js';
import { PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS)('R7 manual reclaim ($name)', (row) => {
  const world = useHarness(row);

  test('kubectl delete eipc on a live pod releases the address and the pod gets a new claim and address', async () => {
    await world().createPod('r7-web', row.ownedRequest({ keep: true }));
    const first = await world().boundClaim('r7-web');
    const oldAddress = first.claim.status!.addressId!;
    expect(await world().kubectl('delete', 'eipc', 'r7-web')).toBe('eipclaim.podeip.io "r7-web" deleted\n');
    const second = await eventually('a new claim bound', async () => {
      const bound = await world().boundClaim('r7-web');
      return bound.claim.metadata.uid !== first.claim.metadata.uid ? bound : undefined;
    });
    expect(second.claim.status!.addressId).not.toBe(oldAddress);
    expect(world().address(oldAddress)).toBeUndefined();
    expect(second.pod.metadata!.annotations![row.publicIpAnnotation]).toBe(second.claim.status!.publicIP);
    const allocated = (await world().events('AllocatedEIP', 'r7-web')).find((event) => event.involvedObject.kind === 'Pod')!;
    expect(allocated.message).toBe(`allocated ${second.claim.status!.addressId}; replaces ${oldAddress}, whose claim was deleted while the pod was running`);
  });
});
