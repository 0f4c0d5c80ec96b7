/**
 * SPEC §11 `podeip adopt`, a run that stops half-way (found by review): the claim was created but
 * never recorded as Bound. A controller started then takes the address by the claim's tag instead of
 * allocating another (the address would have leaked and the pod been re-bound), and a rerun resumes.
 */
import { ADOPTED_FROM_ANNOTATION } from '../../src/adopt/adopted-claim.js';
import { runAdopt, seedOwnedBinding } from '../support/adoption-fixtures.js';
import { eventually, useHarness } from './harness.js';
import { PROVIDER_ROWS, type ProviderRow } from './provider-rows.js';

const STATUS_WRITE = /\/eipclaims\/[^/]+\/status$/;

describe.each(PROVIDER_ROWS)('podeip adopt stopped half-way ($name)', (row: ProviderRow) => {
  const world = useHarness(row, { inProcessController: false });
  const writes = () => row.writeActions.map((action) => world().calls(action));
  const sum = (counts: number[]) => counts.reduce((total, count) => total + count, 0);
  const source = row.name === 'tencent' ? 'ipamd' : 'terway';

  test('a rerun resumes the claim the stopped run left unrecorded', async () => {
    const seeded = await seedOwnedBinding(world(), 'half-1', row.ownedRequest());
    world().apiServer.hooks.injectFault({ method: 'PATCH', pathPattern: STATUS_WRITE, status: 500, times: 1 });
    expect((await runAdopt(world(), source)).code).toBe(1);

    const rerun = await runAdopt(world(), source);
    expect({ code: rerun.code, stderr: rerun.stderr }).toEqual({ code: 0, stderr: '' });
    expect(rerun.rows.filter((cells) => cells[0] === 'default/half-1').map((cells) => cells[4])).toEqual(['adopt (resumed)']);
    const claim = (await world().claim('half-1'))!;
    expect(claim.status).toMatchObject({ phase: 'Bound', addressId: seeded.addressId, ownership: 'Owned' });
  });

  // Last: the controller it starts keeps running (and writing claim statuses) until the file ends.
  test('a controller started before the rerun takes the tagged address, allocating nothing', async () => {
    const seeded = await seedOwnedBinding(world(), 'half-0', row.ownedRequest());
    world().apiServer.hooks.injectFault({ method: 'PATCH', pathPattern: STATUS_WRITE, status: 500, times: 1 });
    const failed = await runAdopt(world(), source);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('failed default/half-0: the API server answered 500: injected failure (500 InternalError); run podeip adopt again to finish it\nadopted 0, tagged 0, skipped 0, failed 1\n');
    const left = (await world().claim('half-0'))!;
    expect(left.metadata.annotations?.[ADOPTED_FROM_ANNOTATION]).toBe(source);
    expect(left.status?.addressId).toBeUndefined();
    expect(world().address(seeded.addressId)?.tags['podeip.io/claim-uid']).toBe(left.metadata.uid);

    const before = sum(writes());
    await world().startController();
    const claim = await eventually('claim Bound', async () => {
      const read = await world().claim('half-0');
      return read?.status?.phase === 'Bound' ? read : undefined;
    });
    expect(claim.status!.addressId).toBe(seeded.addressId);
    expect(world().cloud.admin.addresses().filter((address) => address.tags['podeip.io/claim-uid'] === claim.metadata.uid).map((address) => address.addressId)).toEqual([seeded.addressId]);
    expect(world().calls(row.allocateAction)).toBe(0);
    expect(sum(writes())).toBe(before);
  });
});
