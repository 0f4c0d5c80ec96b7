/**
 * Review of R9: one claim at a time holds a static address and a second pod asking for it waits.
 * Two claims that both name the address before either has taken it (a controller restarted after
 * creating both) must not wait on each other forever: the older claim takes it.
 */
import { eventually, NAMESPACE, useHarness } from './harness.js';
import { PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS)('R9 two new claims naming one static address ($name)', (row) => {
  const world = useHarness(row);

  /** A claim as the previous controller created it, crashing before either took the address. */
  async function createClaimAsBeforeRestart(name: string, addressId: string): Promise<void> {
    await world().custom.createNamespacedCustomObject({
      group: 'podeip.io',
      version: 'v1alpha1',
      namespace: NAMESPACE,
      plural: 'eipclaims',
      body: { apiVersion: 'podeip.io/v1alpha1', kind: 'EIPClaim', metadata: { name, finalizers: ['podeip.io/release'] }, spec: { provider: row.name, deletePolicy: 'Delete', addressId } },
    });
  }

  test('the first claim binds it and the second waits with AddressConflict', async () => {
    const staticAddress = world().cloud.admin.createAddress({ name: 'shared' });
    await world().stopController();
    for (const name of ['rv-dup-a', 'rv-dup-b']) {
      await world().createPod(name, row.staticRequest([staticAddress.addressId]));
      await createClaimAsBeforeRestart(name, staticAddress.addressId);
    }
    await world().startController();

    const { pod } = await world().boundClaim('rv-dup-a');
    expect(world().address(staticAddress.addressId)).toMatchObject({ status: row.status.bound, privateIp: pod.status!.podIP });
    const conflict = await eventually('AddressConflict on rv-dup-b', async () => (await world().events('AddressConflict', 'rv-dup-b'))[0]);
    expect(conflict.message).toBe(`address ${staticAddress.addressId} is held by claim default/rv-dup-a; waiting`);
    expect(await world().events('AddressConflict', 'rv-dup-a')).toEqual([]);
    expect((await world().claim('rv-dup-b'))!.status).toMatchObject({ phase: 'Pending' });
  });
});
