import { NAMESPACE, useHarness } from './harness.js';
import { claimInPhase, conditionWithReason } from './lifecycle-steps.js';
import { PROVIDER_ROWS } from './provider-rows.js';

/** How each emulator answers an allocation when the account's EIP quota (here 0) is used up. */
const QUOTA_REFUSAL: Record<string, string> = {
  tencent: 'Code=AddressQuotaLimitExceeded, Message="Each account can own at most 0 EIPs in this region."',
  alibaba: 'Code=QuotaExceeded.Eip, Message="Elastic IP address quota exceeded"',
};

describe.each(PROVIDER_ROWS)('SPEC §4 every claim shows its state ($name)', (row) => {
  const world = useHarness(row);

  test('observedGeneration follows generation: once bound, and after the pod changes its delete policy', async () => {
    await world().createPod('generations', row.ownedRequest());
    const { claim } = await world().boundClaim('generations');
    expect(claim.status!.observedGeneration).toBe(claim.metadata.generation);

    const keep = Object.entries(row.ownedRequest({ keep: true })).find(([key]) => !(key in row.ownedRequest()))!;
    const pointer = `/metadata/annotations/${keep[0].replaceAll('~', '~0').replaceAll('/', '~1')}`;
    await world().core.patchNamespacedPod({ namespace: NAMESPACE, name: 'generations', body: [{ op: 'add', path: pointer, value: keep[1] }] });
    const followed = await claimInPhase(world(), 'generations', 'Bound', (current) => current.spec.deletePolicy === 'Never' && current.status?.observedGeneration === current.metadata.generation);
    expect(followed.metadata.generation).toBeGreaterThan(claim.metadata.generation!);
  });

  test('an allocation refused for quota leaves the claim Pending with Ready=False QuotaExceeded and the cloud code', async () => {
    world().cloud.admin.setQuota(0);
    await world().createPod('no-quota', row.ownedRequest());
    const ready = await conditionWithReason(world(), 'no-quota', 'Ready', 'QuotaExceeded');
    expect(ready.status).toBe('False');
    // Without the request id, new on every try, so that the condition changes only when the failure does.
    expect(ready.message).toBe(`${row.allocateAction} failed: ${QUOTA_REFUSAL[row.name]}`);
    const claim = (await world().claim('no-quota'))!;
    expect(claim.status).toMatchObject({ phase: 'Pending', observedGeneration: claim.metadata.generation });
    expect(claim.status!.addressId).toBeUndefined();
  });
});
