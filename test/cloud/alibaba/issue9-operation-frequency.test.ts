/**
 * Issue 9 item 2, Alibaba emulator: TaskConflict also on a settled EIP operated too often ("You cannot
 * call AssociateEipAddress repeatedly within a specific period of time", AssociateEipAddress /
 * UnassociateEipAddress usage notes; TaskConflict "The eip operate too frequent" in their error
 * tables). The vendor gives no figure: `minOperationIntervalMs` sets it (default 0, off).
 */
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_ALIBABA_DELAYS } from '../../../hack/cloud/alibaba/index.js';
import { ManualClock } from '../../../hack/cloud/common/clock.js';
import { allocate, describeOne, REGION, sdkFailure, useAlibabaFixture, vpcSdk } from './alibaba-fixture.js';

const INTERVAL_MS = 1_000;

describe('Alibaba emulator: TaskConflict on an EIP operated too often (issue 9 item 2)', () => {
  const clock = new ManualClock(Date.now());
  const fixture = useAlibabaFixture({ clock, minOperationIntervalMs: INTERVAL_MS });

  const associate = (allocationId: string) => {
    const pod = fixture().pods[0]!;
    return fixture().vpc.associateEipAddress(
      new vpcSdk.AssociateEipAddressRequest({ regionId: REGION, allocationId, instanceType: 'NetworkInterface', instanceId: pod.networkInterfaceId, privateIpAddress: pod.privateIp }),
    );
  };
  const unassociate = (allocationId: string) => fixture().vpc.unassociateEipAddress(new vpcSdk.UnassociateEipAddressRequest({ regionId: REGION, allocationId }));
  const release = (allocationId: string) => fixture().vpc.releaseEipAddress(new vpcSdk.ReleaseEipAddressRequest({ regionId: REGION, allocationId }));

  it('refuses an unassociate and a release sooner than the interval after the previous write, even once settled, and takes them after it', async () => {
    const { allocationId } = await allocate(fixture().vpc);
    await associate(allocationId);
    clock.advance(DEFAULT_ALIBABA_DELAYS.associateMs);
    expect((await describeOne(fixture().vpc, allocationId))[0]!.status).toBe('InUse');
    expect(await sdkFailure(unassociate(allocationId))).toMatchObject({ code: 'TaskConflict', statusCode: 400 });
    clock.advance(INTERVAL_MS - DEFAULT_ALIBABA_DELAYS.associateMs);
    await unassociate(allocationId);
    clock.advance(DEFAULT_ALIBABA_DELAYS.unassociateMs);
    expect(await sdkFailure(release(allocationId))).toMatchObject({ code: 'TaskConflict', statusCode: 400 });
    clock.advance(INTERVAL_MS);
    await release(allocationId);
  });

  it('leaves each EIP its own interval', async () => {
    const first = await allocate(fixture().vpc);
    const second = await allocate(fixture().vpc);
    await associate(first.allocationId);
    clock.advance(DEFAULT_ALIBABA_DELAYS.associateMs);
    expect(await sdkFailure(unassociate(first.allocationId))).toMatchObject({ code: 'TaskConflict' });
    expect(await sdkFailure(release(first.allocationId))).toMatchObject({ code: 'IncorrectEipStatus' });
    await release(second.allocationId);
  });
});
