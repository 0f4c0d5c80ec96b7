import { CLUSTER_ID, eventually, useHarness } from './harness.js';
import { PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS)('R2 allocate early ($name)', (row) => {
  const world = useHarness(row);

  test('an owned address is allocated and recorded while the pod has no IP yet, tagged for idempotency', async () => {
    await world().createPod('r2-early', row.ownedRequest(), { nodeName: 'node-elsewhere' });
    const claim = await eventually('claim r2-early has an address', async () => {
      const current = await world().claim('r2-early');
      return current?.status?.addressId && current.status.publicIP ? current : undefined;
    });
    expect(claim.status).toMatchObject({ phase: 'Allocated', ownership: 'Owned' });
    const address = world().address(claim.status!.addressId!)!;
    expect(address.status).toBe(row.status.available);
    expect(address.tags).toEqual({
      'podeip.io/cluster': CLUSTER_ID,
      'podeip.io/claim-uid': claim.metadata.uid,
      'podeip.io/namespace': 'default',
      'podeip.io/name': 'r2-early',
    });
    expect(world().calls(row.allocateAction)).toBe(1);
    const allocated = await eventually('AllocatedEIP events', async () => {
      const events = await world().events('AllocatedEIP');
      return events.length === 2 ? events : undefined;
    });
    expect(allocated.map((event) => event.involvedObject.kind).sort()).toEqual(['EIPClaim', 'Pod']);
    expect(allocated[0]!.message).toBe(`allocated ${claim.status!.addressId}`);
  });

  test('allocation replayed with the same ClientToken (and so the same request) returns the same address', async () => {
    const claim = (await world().claim('r2-early'))!;
    const provider = await world().directProvider();
    // As podeip replays it after a crash: the same tags and owner, or Alibaba answers IdempotentParameterMismatch.
    const again = await provider.allocate({
      clientToken: claim.metadata.uid,
      tags: world().address(claim.status!.addressId!)!.tags,
      allocation: claim.spec.allocation!,
      owner: 'default/r2-early',
    });
    provider.close();
    expect(again.addressId).toBe(claim.status!.addressId);
  });
});
