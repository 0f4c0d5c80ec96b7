/**
 * Issue 9 item 2, Alibaba emulator: joining and leaving a common bandwidth package are asynchronous.
 * AddCommonBandwidthPackageIp docs (alibabacloud.com/help/en/internet-shared-bandwidth/api-120320):
 * "an asynchronous operation ... runs the task in the background"; while the package is BINDING "you
 * can only query ... and cannot perform other operations"; BINDED once associated. The emulator
 * answers TaskConflict meanwhile and describes the membership once the task is done.
 */
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID, DEFAULT_ALIBABA_DELAYS } from '../../../hack/cloud/alibaba/index.js';
import { ManualClock } from '../../../hack/cloud/common/clock.js';
import { allocate, describeOne, REGION, sdkFailure, useAlibabaFixture, vpcSdk } from './alibaba-fixture.js';

const TASK_MS = DEFAULT_ALIBABA_DELAYS.bandwidthPackageMs;

describe('Alibaba emulator: bandwidth package join and leave run in the background (issue 9 item 2)', () => {
  const clock = new ManualClock(Date.now());
  const fixture = useAlibabaFixture({ clock });

  const membershipOf = (allocationId: string) => ({ regionId: REGION, bandwidthPackageId: DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID, ipInstanceId: allocationId });
  const join = (allocationId: string) => fixture().vpc.addCommonBandwidthPackageIp(new vpcSdk.AddCommonBandwidthPackageIpRequest(membershipOf(allocationId)));
  const leave = (allocationId: string) => fixture().vpc.removeCommonBandwidthPackageIp(new vpcSdk.RemoveCommonBandwidthPackageIpRequest(membershipOf(allocationId)));
  const associate = (allocationId: string) => {
    const pod = fixture().pods[0]!;
    return fixture().vpc.associateEipAddress(
      new vpcSdk.AssociateEipAddressRequest({ regionId: REGION, allocationId, instanceType: 'NetworkInterface', instanceId: pod.networkInterfaceId, privateIpAddress: pod.privateIp }),
    );
  };
  const release = (allocationId: string) => fixture().vpc.releaseEipAddress(new vpcSdk.ReleaseEipAddressRequest({ regionId: REGION, allocationId }));
  const packageOf = async (allocationId: string) => (await describeOne(fixture().vpc, allocationId))[0]!.bandwidthPackageId;

  it('describes the membership only once the join, and then the leave, is done', async () => {
    const { allocationId } = await allocate(fixture().vpc);
    await join(allocationId);
    expect(await packageOf(allocationId)).toBe('');
    clock.advance(TASK_MS);
    expect(await packageOf(allocationId)).toBe(DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID);
    await leave(allocationId);
    expect(await packageOf(allocationId)).toBe(DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID);
    clock.advance(TASK_MS);
    expect(await packageOf(allocationId)).toBe('');
  });

  it('answers TaskConflict to a second join, an associate and a release while a task runs, and takes them after it', async () => {
    const { allocationId } = await allocate(fixture().vpc);
    await join(allocationId);
    for (const call of [join(allocationId), associate(allocationId), release(allocationId)]) {
      expect(await sdkFailure(call)).toMatchObject({ code: 'TaskConflict', statusCode: 400 });
    }
    clock.advance(TASK_MS);
    await leave(allocationId);
    expect(await sdkFailure(associate(allocationId))).toMatchObject({ code: 'TaskConflict' });
    clock.advance(TASK_MS);
    await associate(allocationId);
    expect((await describeOne(fixture().vpc, allocationId))[0]).toMatchObject({ status: 'Associating', bandwidthPackageId: '' });
  });
});
