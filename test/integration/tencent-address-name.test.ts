/** Issue 9 item 2: on Tencent, an address podeip allocates is named after its claim (`namespace_pod`), so the console shows whose it is. */
import { NAMESPACE, useHarness } from './harness.js';
import { TENCENT_ROW as row } from './provider-rows.js';

describe('Tencent address names', () => {
  const world = useHarness(row);

  test('an owned address is named namespace_pod', async () => {
    await world().createPod('named-0', row.ownedRequest());
    const { claim } = await world().boundClaim('named-0');
    expect(world().address(claim.status!.addressId!)?.name).toBe(`${NAMESPACE}_named-0`.slice(0, 20));
  });
});
