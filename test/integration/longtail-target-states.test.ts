/**
 * Issue 9 item 2, podeip's reactions end to end to the states the emulators now produce (set through
 * POST /_admin/resource-states): a stopped instance is answered with a documented "try again later"
 * code (Alibaba `InvalidStatus.EcsStatusNotSupport`, which begins with `Invalid`; Tencent
 * `UnsupportedOperation.InstanceStateNotSupported`), an address in arrears with a billing code
 * (Alibaba `Forbidden.FinancialLocked`, Tencent `OperationDenied.AddressInArrears`). Sources: the
 * AssociateEipAddress / AssociateAddress error tables (hack/cloud/alibaba/README.md and
 * hack/cloud/tencent/README.md, "Error tables"), classified in src/providers/<name>/error-classification.ts.
 */
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { eventually, useHarness } from './harness.js';
import { actionOf, PROVIDER_ROWS, type ProviderRow } from './provider-rows.js';

const MINUTE = 60_000;
const CODES: Record<ProviderRow['name'], { stopped: string; arrears: string }> = {
  tencent: { stopped: 'UnsupportedOperation.InstanceStateNotSupported', arrears: 'OperationDenied.AddressInArrears' },
  alibaba: { stopped: 'InvalidStatus.EcsStatusNotSupport', arrears: 'Forbidden.FinancialLocked' },
};

const readyOf = (claim: EIPClaim | undefined) => claim?.status?.conditions?.find((condition) => condition.type === 'Ready');

describe.each(PROVIDER_ROWS)('long tail: instance and address states ($name)', (row) => {
  const world = useHarness(row);
  const codes = CODES[row.name];
  const associate = actionOf(row, 'associate');
  const refusals = (code: string) => world().cloud.admin.calls()[associate]?.[code] ?? 0;
  const setState = (resourceId: string, state: 'stopped' | 'arrears' | null) => world().cloud.admin.setResourceState({ resourceId, state });

  test('a stopped instance: the bind is retried quietly without a refusal hold, and completes once the instance runs', async () => {
    const instances = world().network.nodes().map((node) => node.instanceId);
    instances.forEach((instanceId) => setState(instanceId, 'stopped'));
    await world().createPod('on-stopped', row.ownedRequest());
    // The test clock does not move: a refusal hold (5 min for invalid requests) would stop the tries here.
    await eventually(`${codes.stopped} answered three times`, () => refusals(codes.stopped) >= 3);
    const claim = await world().claim('on-stopped');
    expect(claim!.status!.phase).toBe('Allocated');
    expect(readyOf(claim)).toMatchObject({ status: 'False' });
    expect(['InvalidRequest', 'CloudRequestRejected']).not.toContain(readyOf(claim)!.reason);
    expect(await world().events('FailedAssociateEIP', 'on-stopped')).toEqual([]);
    expect(await world().events('InvalidEIPRequest', 'on-stopped')).toEqual([]);

    instances.forEach((instanceId) => setState(instanceId, null));
    const { claim: bound } = await world().boundClaim('on-stopped');
    expect(readyOf(bound)).toMatchObject({ status: 'True' });
  });

  test('an address in arrears: the claim shows QuotaExceeded with the code and a Warning, waits a minute (not 5), and binds once the account is paid', async () => {
    const { addressId } = world().cloud.admin.createAddress({});
    setState(addressId, 'arrears');
    await world().createPod('in-arrears', row.staticRequest([addressId]));
    const ready = await eventually('Ready=False QuotaExceeded', async () => {
      const condition = readyOf(await world().claim('in-arrears'));
      return condition?.reason === 'QuotaExceeded' ? condition : undefined;
    });
    expect(ready.status).toBe('False');
    expect(ready.message).toMatch(new RegExp(`^${associate} failed: Code=${codes.arrears.replace('.', '\\.')}, Message=`));
    const warning = await eventually('FailedAssociateEIP', async () => (await world().events('FailedAssociateEIP', 'in-arrears'))[0]);
    expect(warning.message).toContain(`Code=${codes.arrears}`);
    expect(refusals(codes.arrears)).toBe(1);

    setState(addressId, null);
    world().clock.advance(MINUTE);
    const { claim } = await world().boundClaim('in-arrears');
    expect(claim.status!.addressId).toBe(addressId);
    expect(refusals(codes.arrears)).toBe(1);
  });
});
