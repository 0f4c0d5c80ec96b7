import { eventually, useHarness } from './harness.js';
import { PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS)('R1 claim ($name)', (row) => {
  const world = useHarness(row);

  test('a pod that asks for an EIP gets a claim of its name before it has an IP', async () => {
    await world().createPod('r1-waiting', row.ownedRequest(), { nodeName: 'node-elsewhere' });
    const claim = await eventually('claim r1-waiting', () => world().claim('r1-waiting'));
    const pod = await world().pod('r1-waiting');
    expect(pod?.status?.podIP).toBeUndefined();
    expect(claim.metadata.finalizers).toEqual(['podeip.io/release']);
    expect(claim.spec).toEqual({
      provider: row.name,
      deletePolicy: 'Delete',
      allocation: expect.objectContaining({ bandwidthMbps: 10, isp: 'BGP' }),
    });
    expect(claim.metadata.ownerReferences ?? []).toEqual([]);
  });

  test('pods without a request annotation get no claim and no writes', async () => {
    await world().createPod('r1-plain', { unrelated: 'yes' });
    await eventually('pod r1-plain running', async () => (await world().pod('r1-plain'))?.status?.phase === 'Running');
    await eventually('r1-waiting claim seen', () => world().claim('r1-waiting'));
    expect(await world().claim('r1-plain')).toBeUndefined();
    const pod = await world().pod('r1-plain');
    expect(pod?.metadata?.annotations).toEqual({ unrelated: 'yes' });
    expect(await world().events('InvalidEIPRequest', 'r1-plain')).toEqual([]);
  });
});
