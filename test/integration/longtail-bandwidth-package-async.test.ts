/**
 * Issue 9 item 2, end to end on Alibaba: joining a common bandwidth package runs in the background
 * (AddCommonBandwidthPackageIp docs: asynchronous; while the package is BINDING the EIP "can only be
 * queried", so the emulator answers TaskConflict, and DescribeEipAddresses names the package once
 * done; hack/cloud/alibaba/common-bandwidth-package-ips.ts). A claim asking for a package (SPEC §3.2)
 * binds once the join is done, joins once, and never takes the join still running for a missing one.
 */
import { DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID, startAlibabaEmulator } from '../../hack/cloud/alibaba/index.js';
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { ALIBABA_ROW } from '../providers/alibaba/alibaba-row.js';
import { eventually, useHarness } from './harness.js';
import type { ProviderRow } from './provider-rows.js';

/** Longer than podeip's first looks, on a loaded machine too, so the bind and the retried join both meet the running task. */
const JOIN_MS = 1_500;
const ROW: ProviderRow = {
  ...ALIBABA_ROW,
  startEmulator: (network) =>
    startAlibabaEmulator({ network, delaysMs: { associateMs: 10, unassociateMs: 10, releaseMs: 5, bandwidthPackageMs: JOIN_MS } }),
};
const IN_PACKAGE = { ...ROW.ownedRequest(), 'k8s.aliyun.com/eip-common-bandwidth-package-id': DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID };

const readyOf = (claim: EIPClaim | undefined) => claim?.status?.conditions?.find((condition) => condition.type === 'Ready');

describe('long tail: an Alibaba bandwidth package joined in the background', () => {
  const world = useHarness(ROW);
  // The emulator's call log lasts the whole file: each test counts from where it starts.
  let joinsBefore: Record<string, number> = {};
  beforeEach(() => {
    joinsBefore = { ...world().cloud.admin.calls().AddCommonBandwidthPackageIp };
  });
  const joins = () => {
    const now = world().cloud.admin.calls().AddCommonBandwidthPackageIp ?? {};
    return Object.fromEntries(Object.entries(now).map(([code, count]) => [code, count - (joinsBefore[code] ?? 0)]).filter(([, count]) => count !== 0));
  };
  const packageOf = async (addressId: string) => {
    const provider = await world().directProvider();
    try {
      return (await provider.describeByIds([addressId]))[0]!.bandwidthPackageId;
    } finally {
      provider.close();
    }
  };

  test('the bind waits for the join (CloudBusy with TaskConflict, no Warning), then binds; one join', async () => {
    await world().createPod('cbwp-async', IN_PACKAGE);
    const waiting = await eventually('Ready=False CloudBusy', async () => {
      const claim = await world().claim('cbwp-async');
      return readyOf(claim)?.reason === 'CloudBusy' ? claim : undefined;
    });
    expect(waiting!.status!.phase).toBe('Allocated');
    expect(readyOf(waiting)!.message).toMatch(/^AssociateEipAddress failed: Code=TaskConflict, Message="[^"]+"$/);

    const { claim } = await world().boundClaim('cbwp-async');
    expect(readyOf(claim)).toMatchObject({ status: 'True' });
    expect(await packageOf(claim.status!.addressId!)).toBe(DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID);
    expect(joins()).toEqual({ OK: 1 });
    expect(await world().events('FailedAssociateEIP', 'cbwp-async')).toEqual([]);
    expect(await world().events('FailedAllocateEIP', 'cbwp-async')).toEqual([]);
  });

  test('a join retried on a bound claim is waited for while it runs, not asked for again', async () => {
    world().cloud.admin.setFault({ action: 'AddCommonBandwidthPackageIp', errorCode: 'ServiceUnavailable' });
    await world().createPod('cbwp-retried', IN_PACKAGE);
    const { claim } = await world().boundClaim('cbwp-retried');
    const addressId = claim.status!.addressId!;
    await eventually('join refused', () => (joins().ServiceUnavailable ?? 0) >= 1);
    world().cloud.admin.clearFaults();
    await eventually('join accepted', () => joins().OK === 1);
    await eventually('joined the package', async () => (await packageOf(addressId)) === DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID);
    expect(joins()).toEqual({ ServiceUnavailable: joins().ServiceUnavailable, OK: 1 });
    expect(readyOf(await world().claim('cbwp-retried'))).toMatchObject({ status: 'True' });
  });
});
