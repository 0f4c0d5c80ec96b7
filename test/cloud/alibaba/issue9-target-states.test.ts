/**
 * Issue 9 item 2, Alibaba emulator: states of the ENI, its instance and the EIP (set through the admin
 * API) answered with the codes of the AssociateEipAddress / UnassociateEipAddress error tables
 * (https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-associateeipaddress),
 * and an EIP bound to an ENI's primary IP described with `PrivateIpAddress: ""` (Terway v1.6.4,
 * ENI-exclusive mode; reference platforms-pools-and-error-tables.md "Long-tail error codes").
 */
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_ALIBABA_DELAYS } from '../../../hack/cloud/alibaba/index.js';
import { ManualClock } from '../../../hack/cloud/common/clock.js';
import type { PodIpAssignment } from '../../../hack/network/pod-network.js';
import { allocate, describeOne, ecsSdk, REGION, sdkFailure, useAlibabaFixture, vpcSdk } from './alibaba-fixture.js';

describe('Alibaba emulator: instance, ENI and EIP states (issue 9 item 2)', () => {
  const clock = new ManualClock(Date.now());
  const fixture = useAlibabaFixture({ clock });

  const associate = (allocationId: string, target: { networkInterfaceId: string; privateIp: string } = fixture().pods[0]!) =>
    fixture().vpc.associateEipAddress(
      new vpcSdk.AssociateEipAddressRequest({
        regionId: REGION,
        allocationId,
        instanceType: 'NetworkInterface',
        instanceId: target.networkInterfaceId,
        privateIpAddress: target.privateIp,
      }),
    );
  const instanceOf = (pod: PodIpAssignment) => fixture().network.interfaceById(pod.networkInterfaceId)!.instanceId;

  it.each([
    ['instance', 'stopped', 'InvalidStatus.EcsStatusNotSupport'],
    ['instance', 'migrating', 'OperationFailed.EcsMigrating'],
    ['eni', 'attaching', 'InvalidStatus.EniStatusNotSupport'],
    ['eip', 'arrears', 'Forbidden.FinancialLocked'],
    ['eip', 'blocked', 'InvalidEIPStatus.BizDisabled'],
  ] as const)('a %s %s refuses AssociateEipAddress with %s (400), and the EIP binds once the state clears', async (resource, state, code) => {
    const { allocationId } = await allocate(fixture().vpc);
    const pod = fixture().pods[0]!;
    const resourceId = { instance: instanceOf(pod), eni: pod.networkInterfaceId, eip: allocationId }[resource];
    fixture().emulator.admin.setResourceState({ resourceId, state });
    expect(await sdkFailure(associate(allocationId))).toMatchObject({ code, statusCode: 400 });
    fixture().emulator.admin.setResourceState({ resourceId, state: null });
    await associate(allocationId);
    clock.advance(DEFAULT_ALIBABA_DELAYS.associateMs);
    expect((await describeOne(fixture().vpc, allocationId))[0]!.status).toBe('InUse');
  });

  it('binds to a detached (Available) secondary ENI, which ECS DescribeNetworkInterfaces shows as Available', async () => {
    const pod = fixture().pods[0]!;
    fixture().emulator.admin.setResourceState({ resourceId: pod.networkInterfaceId, state: 'detached' });
    const { allocationId } = await allocate(fixture().vpc);
    await associate(allocationId);
    const enis = await fixture().ecs.describeNetworkInterfaces(
      new ecsSdk.DescribeNetworkInterfacesRequest({ regionId: REGION, networkInterfaceId: [pod.networkInterfaceId] }),
    );
    expect(enis.body!.networkInterfaceSets!.networkInterfaceSet!.map((eni) => eni.status)).toEqual(['Available']);
  });

  it('describes a locked EIP with its lock reason, and refuses to unbind it', async () => {
    const { allocationId } = await allocate(fixture().vpc);
    await associate(allocationId);
    clock.advance(DEFAULT_ALIBABA_DELAYS.associateMs);
    fixture().emulator.admin.setResourceState({ resourceId: allocationId, state: 'arrears' });
    const [described] = await describeOne(fixture().vpc, allocationId);
    expect(described!.operationLocks!.lockReason!.map((lock) => lock.lockReason)).toEqual(['financial']);
    const unassociate = fixture().vpc.unassociateEipAddress(new vpcSdk.UnassociateEipAddressRequest({ regionId: REGION, allocationId }));
    expect((await sdkFailure(unassociate)).code).toBe('Forbidden.FinancialLocked');
  });

  it('refuses an unknown state or a missing resource id on the admin API with a 400', async () => {
    const post = (body: unknown) => fetch(`${fixture().emulator.adminUrl}/resource-states`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post({ resourceId: 'i-x', state: 'asleep' })).status).toBe(400);
    expect((await post({ state: 'stopped' })).status).toBe(400);
    expect((await post({ resourceId: 'i-x', state: 'stopped' })).status).toBe(204);
    expect(await (await fetch(`${fixture().emulator.adminUrl}/resource-states`)).json()).toEqual([{ resourceId: 'i-x', state: 'stopped' }]);
  });

  it("describes an EIP bound to an ENI's primary IP with PrivateIpAddress \"\" and the ENI as its instance", async () => {
    const eni = fixture().network.interfaceById(fixture().pods[0]!.networkInterfaceId)!;
    const primaryIp = eni.privateIps.find((ip) => ip.primary)!.address;
    const { allocationId } = await allocate(fixture().vpc);
    await associate(allocationId, { networkInterfaceId: eni.networkInterfaceId, privateIp: primaryIp });
    clock.advance(DEFAULT_ALIBABA_DELAYS.associateMs);
    const [described] = await describeOne(fixture().vpc, allocationId);
    expect(described).toMatchObject({ status: 'InUse', instanceType: 'NetworkInterface', instanceId: eni.networkInterfaceId, privateIpAddress: '' });
    const secondary = await allocate(fixture().vpc);
    await associate(secondary.allocationId);
    clock.advance(DEFAULT_ALIBABA_DELAYS.associateMs);
    expect((await describeOne(fixture().vpc, secondary.allocationId))[0]!.privateIpAddress).toBe(fixture().pods[0]!.privateIp);
  });
});
