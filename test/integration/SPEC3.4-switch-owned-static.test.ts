import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { eventually, useHarness } from './harness.js';
import { changeRequest } from './lifecycle-steps.js';
import { PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS)('a pod switching between owned and static requests converges ($name)', (row) => {
  const world = useHarness(row);

  async function boundWhere(name: string, holds: (claim: EIPClaim) => boolean): Promise<EIPClaim> {
    return eventually(`claim ${name} bound as asked`, async () => {
      const { claim } = await world().boundClaim(name);
      return holds(claim) ? claim : undefined;
    });
  }

  test('owned → static releases the owned address; static → owned leaves the static one unbound but existing', async () => {
    const staticAddress = world().cloud.admin.createAddress({});
    await world().createPod('switch', row.ownedRequest());
    const { claim: first } = await world().boundClaim('switch');
    const firstOwned = first.status!.addressId!;

    await changeRequest(world(), 'switch', row.ownedRequest(), row.staticRequest([staticAddress.addressId]));
    const onStatic = await boundWhere('switch', (claim) => claim.status?.addressId === staticAddress.addressId);
    expect(onStatic.status).toMatchObject({ ownership: 'Static', publicIP: staticAddress.publicIp });
    expect(onStatic.spec.addressId).toBe(staticAddress.addressId);
    expect(onStatic.spec.allocation).toBeUndefined();
    await eventually('the first owned address released', () => world().address(firstOwned) === undefined);

    await changeRequest(world(), 'switch', row.staticRequest([staticAddress.addressId]), row.ownedRequest());
    const onOwned = await boundWhere('switch', (claim) => claim.status?.ownership === 'Owned');
    expect([firstOwned, staticAddress.addressId]).not.toContain(onOwned.status!.addressId);
    expect(onOwned.spec.addressId).toBeUndefined();
    expect(world().address(staticAddress.addressId)).toMatchObject({ status: row.status.available, publicIp: staticAddress.publicIp });
    expect(world().address(onOwned.status!.addressId!)).toMatchObject({ status: row.status.bound, privateIp: onOwned.status!.privateIP });
  });

  test('a static request waiting on an address another claim holds, switched to owned, gets bound', async () => {
    const contested = world().cloud.admin.createAddress({});
    await world().createPod('holder', row.staticRequest([contested.addressId]));
    await world().boundClaim('holder');
    await world().createPod('waiter', row.staticRequest([contested.addressId]));
    await eventually('AddressConflict on waiter', async () => (await world().events('AddressConflict', 'waiter')).length > 0);

    await changeRequest(world(), 'waiter', row.staticRequest([contested.addressId]), row.ownedRequest());
    const bound = await boundWhere('waiter', (claim) => claim.status?.ownership === 'Owned');
    expect(bound.status!.addressId).not.toBe(contested.addressId);
    expect((await world().claim('holder'))!.status).toMatchObject({ phase: 'Bound', addressId: contested.addressId });
  });
});
