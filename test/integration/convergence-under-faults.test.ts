import type { FaultSpec } from '../../hack/cloud/common/index.js';
import { CLUSTER_ID, eventually, useHarness } from './harness.js';
import { actionOf, PROVIDER_ROWS, type ProviderRow } from './provider-rows.js';

/** 10% of every cloud call fails: internal errors, busy resources, throttling. */
function faultsFor(row: ProviderRow): FaultSpec[] {
  const codes = row.faultCodes;
  const fault = (action: string, errorCode: string | undefined): FaultSpec => ({ action, errorRate: 0.1, ...(errorCode ? { errorCode } : {}) });
  return [
    fault(actionOf(row, 'allocate'), undefined),
    fault(actionOf(row, 'associate'), codes?.busy),
    fault(actionOf(row, 'disassociate'), codes?.throttled),
    fault(actionOf(row, 'release'), codes?.busy),
    fault(row.describeAction, codes?.throttled),
  ];
}

describe.each(PROVIDER_ROWS)('10% cloud faults ($name)', (row) => {
  const world = useHarness(row, { emulator: { quota: 100 }, controller: { cloudSyncIntervalMs: 200 } });
  beforeAll(() => {
    for (const fault of faultsFor(row)) world().cloud.admin.setFault(fault);
  });

  test('every claim converges with no duplicate allocation and no leaked address', async () => {
    const names = Array.from({ length: 12 }, (_, index) => `flaky-${index}`);
    await Promise.all(names.map((name) => world().createPod(name, row.ownedRequest())));
    const bound = await Promise.all(names.map((name) => world().boundClaim(name)));
    const owned = () => world().cloud.admin.addresses().filter((address) => address.tags['podeip.io/cluster'] === CLUSTER_ID);
    expect(owned().map((address) => address.addressId).sort()).toEqual(bound.map(({ claim }) => claim.status!.addressId).sort());

    const leaving = names.slice(0, 6);
    await Promise.all(leaving.map((name) => world().deletePod(name)));
    await eventually('claims of deleted pods gone', async () => (await world().claims()).length === 6);
    await eventually('their addresses released', () => owned().length === 6);
    const staying = bound.slice(6).map(({ claim }) => claim.status!.addressId).sort();
    expect(owned().map((address) => address.addressId).sort()).toEqual(staying);
    const failures = Object.entries(world().cloud.admin.calls()).flatMap(([, byCode]) => Object.entries(byCode).filter(([code]) => code !== 'OK'));
    expect(failures.length).toBeGreaterThan(0);
  });
});
