/**
 * Issue 9 item 2, podeip's reactions end to end to the states the emulators now produce (set through
 * POST /_admin/resource-states): a stopped instance is answered with a documented "try again later"
 * code (Alibaba `InvalidStatus.EcsStatusNotSupport`, which begins with `Invalid`; Tencent
 * `UnsupportedOperation.InstanceStateNotSupported`), an address in arrears with a billing code
 * (Alibaba `Forbidden.FinancialLocked`, Tencent `OperationDenied.AddressInArrears`: `AccountInArrears`) and a
 * locked one with a lock code (Alibaba `InvalidEIPStatus.BizDisabled`, Tencent `InvalidAddressId.Blocked`:
 * `AddressBlocked`). Sources: the
 * AssociateEipAddress / AssociateAddress error tables (hack/cloud/alibaba/README.md and
 * hack/cloud/tencent/README.md, "Error tables"), classified in src/providers/<name>/error-classification.ts.
 */
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { eventually, useHarness } from './harness.js';
import { actionOf, PROVIDER_ROWS, type ProviderRow } from './provider-rows.js';

const MINUTE = 60_000;
const CODES: Record<ProviderRow['name'], { stopped: string; arrears: string; blocked: string }> = {
  tencent: { stopped: 'UnsupportedOperation.InstanceStateNotSupported', arrears: 'OperationDenied.AddressInArrears', blocked: 'InvalidAddressId.Blocked' },
  alibaba: { stopped: 'InvalidStatus.EcsStatusNotSupport', arrears: 'Forbidden.FinancialLocked', blocked: 'InvalidEIPStatus.BizDisabled' },
};
/** The Ready reason each locked address state shows (src/lifecycle/cloud-failure-reasons.ts). */
const LOCK_REASONS = [
  { state: 'arrears', reason: 'AccountInArrears' },
  { state: 'blocked', reason: 'AddressBlocked' },
] as const;
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const readyOf = (claim: EIPClaim | undefined) => claim?.status?.conditions?.find((condition) => condition.type === 'Ready');

describe.each(PROVIDER_ROWS)('long tail: instance and address states ($name)', (row) => {
  const world = useHarness(row);
  const codes = CODES[row.name];
  const associate = actionOf(row, 'associate');
  const refusals = (code: string) => world().cloud.admin.calls()[associate]?.[code] ?? 0;
  const setState = (resourceId: string, state: 'stopped' | 'arrears' | 'blocked' | null) => world().cloud.admin.setResourceState({ resourceId, state });

  test('a stopped instance: the bind is retried quietly without a refusal hold, the claim shows CloudBusy with the code (written once), and completes once the instance runs', async () => {
    const instances = world().network.nodes().map((node) => node.instanceId);
    instances.forEach((instanceId) => setState(instanceId, 'stopped'));
    await world().createPod('on-stopped', row.ownedRequest());
    // The test clock does not move: a refusal hold (5 min for invalid requests) would stop the tries here.
    await eventually(`${codes.stopped} answered three times`, () => refusals(codes.stopped) >= 3);
    const claim = await eventually('Ready=False CloudBusy', async () => {
      const current = await world().claim('on-stopped');
      return readyOf(current)?.reason === 'CloudBusy' ? current : undefined;
    });
    expect(claim!.status!.phase).toBe('Allocated');
    expect(readyOf(claim)).toMatchObject({ status: 'False', reason: 'CloudBusy' });
    expect(readyOf(claim)!.message).toMatch(new RegExp(`^${associate} failed: Code=${escaped(codes.stopped)}, Message="[^"]+"$`));
    // Issue 9 item 2 (claim reason during a busy refusal): further refusals with the same code write nothing.
    const seen = refusals(codes.stopped);
    await eventually('three more refusals', () => refusals(codes.stopped) >= seen + 3);
    expect((await world().claim('on-stopped'))!.metadata.resourceVersion).toBe(claim!.metadata.resourceVersion);
    expect(await world().events('FailedAssociateEIP', 'on-stopped')).toEqual([]);
    expect(await world().events('InvalidEIPRequest', 'on-stopped')).toEqual([]);

    instances.forEach((instanceId) => setState(instanceId, null));
    const { claim: bound } = await world().boundClaim('on-stopped');
    expect(readyOf(bound)).toMatchObject({ status: 'True' });
  });

  test.each(LOCK_REASONS)('an address in state $state: the claim shows $reason with the code and a Warning, waits a minute (not 5), and binds once lifted', async ({ state, reason }) => {
    const code = codes[state];
    const { addressId } = world().cloud.admin.createAddress({});
    setState(addressId, state);
    await world().createPod(`locked-${state}`, row.staticRequest([addressId]));
    const ready = await eventually(`Ready=False ${reason}`, async () => {
      const condition = readyOf(await world().claim(`locked-${state}`));
      return condition?.reason === reason ? condition : undefined;
    });
    expect(ready.status).toBe('False');
    expect(ready.message).toMatch(new RegExp(`^${associate} failed: Code=${escaped(code)}, Message=`));
    const warning = await eventually('FailedAssociateEIP', async () => (await world().events('FailedAssociateEIP', `locked-${state}`))[0]);
    expect(warning.message).toContain(`Code=${code}`);
    expect(refusals(code)).toBe(1);

    setState(addressId, null);
    world().clock.advance(MINUTE);
    const { claim } = await world().boundClaim(`locked-${state}`);
    expect(claim.status!.addressId).toBe(addressId);
    expect(refusals(code)).toBe(1);
  });
});
