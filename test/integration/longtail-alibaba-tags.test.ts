/**
 * Issue 9 item 2 and SPEC §3.4, end to end on Alibaba: AllocateEipAddress refuses empty tag values and
 * values over 128 characters (the emulator now does, as the cloud does), so podeip checks the user's
 * `eip-tags` before calling (bad input, no cloud call) and shortens its own over-long
 * `podeip.io/name` (a 253-character pod name) deterministically instead of refusing the pod.
 */
import { fitTagValue } from '../../src/providers/alibaba/tag-values.js';
import { ALIBABA_ROW } from '../providers/alibaba/alibaba-row.js';
import { eventually, useHarness } from './harness.js';

const LONG_NAME = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;

describe('long tail: Alibaba tag rules', () => {
  const world = useHarness(ALIBABA_ROW);

  test('a pod with a 253-character name binds, its address named by a 128-character podeip.io/name', async () => {
    await world().createPod(LONG_NAME, ALIBABA_ROW.ownedRequest());
    const { claim } = await world().boundClaim(LONG_NAME);
    const tags = world().address(claim.status!.addressId!)!.tags;
    expect(tags['podeip.io/name']).toBe(fitTagValue(LONG_NAME));
    expect(tags['podeip.io/name']).toHaveLength(128);
    expect(tags['podeip.io/claim-uid']).toBe(claim.metadata.uid);
    expect(world().calls('AllocateEipAddress')).toBe(1);
  });

  test('an empty user tag value is bad input on the claim, with no cloud call', async () => {
    const allocations = world().calls('AllocateEipAddress');
    await world().createPod('empty-tag', { ...ALIBABA_ROW.ownedRequest(), 'k8s.aliyun.com/eip-tags': '{"tier":""}' });
    const ready = await eventually('Ready=False InvalidRequest', async () => {
      const condition = (await world().claim('empty-tag'))?.status?.conditions?.find((entry) => entry.type === 'Ready');
      return condition?.reason === 'InvalidRequest' ? condition : undefined;
    });
    expect(ready.message).toBe('annotation k8s.aliyun.com/eip-tags tag "tier" needs a value: AllocateEipAddress refuses empty ones');
    expect((await world().events('InvalidEIPRequest', 'empty-tag')).length).toBeGreaterThan(0);
    expect(world().calls('AllocateEipAddress')).toBe(allocations);
  });
});
