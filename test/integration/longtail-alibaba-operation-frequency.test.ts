/**
 * Issue 9 item 2, end to end on Alibaba: a pod deleted right after its EIP was bound (policy Never)
 * meets TaskConflict on UnassociateEipAddress ("The eip operate too frequent": the emulator refuses a
 * write sooner than `minOperationIntervalMs` after the previous one, see
 * hack/cloud/alibaba/operation-frequency.ts). podeip waits it out quietly (conflict: no Warning, no
 * refusal hold) and the claim ends Retained with its address unbound.
 */
import { startAlibabaEmulator } from '../../hack/cloud/alibaba/index.js';
import { ALIBABA_ROW } from '../providers/alibaba/alibaba-row.js';
import { eventually, useHarness } from './harness.js';
import type { ProviderRow } from './provider-rows.js';

/** Long enough that the unbind after a bind always comes sooner, on a loaded machine too. */
const INTERVAL_MS = 5_000;
const ROW: ProviderRow = {
  ...ALIBABA_ROW,
  startEmulator: (network) => startAlibabaEmulator({ network, delaysMs: { associateMs: 10, unassociateMs: 10, releaseMs: 5 }, minOperationIntervalMs: INTERVAL_MS }),
};

describe('long tail: an Alibaba EIP operated too often', () => {
  const world = useHarness(ROW);

  test('the unbind after a quick pod deletion meets TaskConflict, is retried quietly and completes', async () => {
    await world().createPod('hasty', ROW.ownedRequest({ keep: true }));
    const { claim } = await world().boundClaim('hasty');
    await world().deletePod('hasty');
    await eventually('refused as too frequent', () => (world().cloud.admin.calls().UnassociateEipAddress?.TaskConflict ?? 0) > 0);
    const retained = await eventually('claim Retained', async () => {
      const current = await world().claim('hasty');
      return current?.status?.phase === 'Retained' ? current : undefined;
    });
    expect(retained.status!.addressId).toBe(claim.status!.addressId);
    expect(world().address(claim.status!.addressId!)).toMatchObject({ status: 'Available' });
    expect(world().cloud.admin.calls().UnassociateEipAddress?.OK).toBe(1);
    expect(await world().events('FailedDisassociateEIP', 'hasty')).toEqual([]);
  });
});
