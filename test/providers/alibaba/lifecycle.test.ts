import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID, DEFAULT_ALIBABA_DELAYS } from '../../../hack/cloud/alibaba/index.js';
import { ManualClock } from '../../../hack/cloud/common/clock.js';
import type { AllocateRequest } from '../../../src/providers/provider.js';
import { describeOne } from '../../cloud/alibaba/alibaba-fixture.js';
import { startProviderFixture, type ProviderFixture } from './provider-fixture.js';

const OUR_TAGS = { 'podeip.io/cluster': 'c1', 'podeip.io/claim-uid': 'uid-1', 'podeip.io/namespace': 'games', 'podeip.io/name': 'game-0' };

function request(clientToken: string, parameters: Record<string, unknown> = {}, tags: Record<string, string> = OUR_TAGS): AllocateRequest {
  return { clientToken, tags, allocation: { bandwidthMbps: 10, isp: 'BGP_PRO', chargeType: 'PayByTraffic', parameters } };
}

describe('AlibabaProvider against the Alibaba emulator: allocate, find, bind, unbind, release', () => {
  const clock = new ManualClock(Date.now());
  let fixture: ProviderFixture;

  beforeAll(async () => {
    fixture = await startProviderFixture({ clock, quota: 300 });
  });
  afterAll(() => fixture.close());

  function callsOf(action: string): string[] {
    return fixture.recorder.calls.filter((call) => call.action === action).map((call) => call.code);
  }

  it('allocates with the claim parameters, podeip tags after the user tags, and the ClientToken', async () => {
    const result = await fixture.provider.allocate(
      request('uid-1', { Name: 'games/game-0', Description: 'game server', ResourceGroupId: 'rg-acfm123', Tags: { team: 'games' } }),
    );
    expect(result.addressId).toMatch(/^eip-[a-z0-9]{20}$/);
    const [eip] = await describeOne(fixture.vpc, result.addressId);
    expect(eip).toMatchObject({
      ipAddress: result.publicIp,
      status: 'Available',
      bandwidth: '10',
      ISP: 'BGP_PRO',
      internetChargeType: 'PayByTraffic',
      chargeType: 'PostPaid',
      name: 'games/game-0',
      description: 'game server',
      resourceGroupId: 'rg-acfm123',
    });
    expect(Object.fromEntries(eip!.tags!.tag!.map((tag) => [tag.key, tag.value]))).toEqual({ team: 'games', ...OUR_TAGS });
  });

  it('returns the same address when the ClientToken is replayed', async () => {
    const before = fixture.emulator.admin.addresses().length;
    const first = await fixture.provider.allocate(request('uid-replay'));
    const replay = await fixture.provider.allocate(request('uid-replay'));
    expect(replay).toEqual(first);
    expect(fixture.emulator.admin.addresses()).toHaveLength(before + 1);
  });

  it('finds an allocated address by its claim tags (adoption), and by a tag key alone', async () => {
    const tags = { ...OUR_TAGS, 'podeip.io/claim-uid': 'uid-adopt' };
    const { addressId, publicIp } = await fixture.provider.allocate(request('uid-adopt', {}, tags));
    expect(await fixture.provider.describeByTags({ 'podeip.io/cluster': 'c1', 'podeip.io/claim-uid': 'uid-adopt' })).toEqual([
      { id: addressId, publicIp, state: 'Available', rawStatus: 'Available', tags, createdAt: expect.any(String) },
    ]);
    const byKey = await fixture.provider.describeByTags({ 'podeip.io/claim-uid': '' });
    expect(byKey.map((address) => address.tags['podeip.io/claim-uid']).sort()).toEqual(['uid-1', 'uid-1', 'uid-adopt']);
  });

  it('describes by ids in batches of 50 and leaves unknown ids out', async () => {
    const created = Array.from({ length: 55 }, () => fixture.emulator.admin.createAddress({ tags: { batch: 'ids' } }).addressId);
    const unknown = ['eip-unknown000000000001', 'eip-unknown000000000002'];
    const describesBefore = callsOf('DescribeEipAddresses').length;
    const found = await fixture.provider.describeByIds([...created, ...unknown]);
    expect(found.map((address) => address.id)).toEqual(created);
    expect(callsOf('DescribeEipAddresses').length - describesBefore).toBe(2);
  });

  it('reads every page when describing by tags', async () => {
    const created = Array.from({ length: 105 }, () => fixture.emulator.admin.createAddress({ tags: { batch: 'pages' } }).addressId);
    const describesBefore = callsOf('DescribeEipAddresses').length;
    const found = await fixture.provider.describeByTags({ batch: 'pages' });
    expect(found.map((address) => address.id)).toEqual(created);
    expect(callsOf('DescribeEipAddresses').length - describesBefore).toBe(2);
  });

  it('shows an address bound to something other than an ENI private IP as bound to other', async () => {
    const { addressId, publicIp } = fixture.emulator.admin.createAddress({ instanceId: 'i-bp1notapod', tags: {} });
    expect(await fixture.provider.describeByIds([addressId])).toEqual([
      { id: addressId, publicIp, state: 'Bound', rawStatus: 'InUse', boundToOther: 'i-bp1notapod', tags: {}, createdAt: expect.any(String) },
    ]);
  });

  it('names an address bound to an ENI\'s primary IP (no private IP in the reply) by that IP, looking each ENI up once', async () => {
    const eni = fixture.network.interfaces()[1]!;
    const primaryIp = eni.privateIps.find((ip) => ip.primary)!.address;
    const { addressId, publicIp } = fixture.emulator.admin.createAddress({ networkInterfaceId: eni.networkInterfaceId, privateIp: '', tags: {} });
    expect((await describeOne(fixture.vpc, addressId))[0]).toMatchObject({ instanceType: 'NetworkInterface', instanceId: eni.networkInterfaceId, privateIpAddress: '' });
    const lookupsBefore = callsOf('DescribeNetworkInterfaces').length;
    const expected = { id: addressId, publicIp, state: 'Bound', rawStatus: 'InUse', target: { networkInterfaceId: eni.networkInterfaceId, privateIp: primaryIp }, tags: {}, createdAt: expect.any(String) };
    expect(await fixture.provider.describeByIds([addressId])).toEqual([expected]);
    expect(await fixture.provider.describeByIds([addressId])).toEqual([expected]);
    expect(callsOf('DescribeNetworkInterfaces').length - lookupsBefore).toBe(1);

    await fixture.provider.disassociate(addressId, expected.target);
    expect(await fixture.provider.describeByIds([addressId])).toEqual([{ ...expected, state: 'Unbinding', rawStatus: 'Unassociating' }]);
  });

  it('resolves a pod IP to its ENI once (cached), and an unknown IP to nothing (remembered too)', async () => {
    const pod = fixture.pods[1]!;
    const lookupsBefore = callsOf('DescribeNetworkInterfaces').length;
    expect(await fixture.provider.resolveTarget(pod.privateIp)).toEqual({ networkInterfaceId: pod.networkInterfaceId, privateIp: pod.privateIp });
    expect(await fixture.provider.resolveTarget(pod.privateIp)).toEqual({ networkInterfaceId: pod.networkInterfaceId, privateIp: pod.privateIp });
    expect(await fixture.provider.resolveTarget('10.255.255.254')).toBeUndefined();
    expect(await fixture.provider.resolveTarget('10.255.255.254')).toBeUndefined();
    expect(callsOf('DescribeNetworkInterfaces').length - lookupsBefore).toBe(2);
  });

  it('binds to the pod IP (Binding → Bound), unbinds (Unbinding → Available) and releases (Releasing → gone)', async () => {
    const pod = fixture.pods[2]!;
    const { addressId, publicIp } = await fixture.provider.allocate(request('uid-bind'));
    const target = (await fixture.provider.resolveTarget(pod.privateIp))!;
    const view = async () => (await fixture.provider.describeByIds([addressId]))[0];

    await fixture.provider.associate(addressId, target);
    expect(await view()).toMatchObject({ state: 'Binding', rawStatus: 'Associating', target });
    clock.advance(DEFAULT_ALIBABA_DELAYS.associateMs);
    expect(await view()).toMatchObject({ state: 'Bound', rawStatus: 'InUse', publicIp, target });
    expect(fixture.emulator.admin.addresses().find((address) => address.addressId === addressId)).toMatchObject({
      networkInterfaceId: pod.networkInterfaceId,
      privateIp: pod.privateIp,
    });

    await fixture.provider.disassociate(addressId, target);
    expect(await view()).toMatchObject({ state: 'Unbinding', rawStatus: 'Unassociating' });
    clock.advance(DEFAULT_ALIBABA_DELAYS.unassociateMs);
    const unbound = await view();
    expect(unbound).toMatchObject({ state: 'Available' });
    expect(unbound!.target).toBeUndefined();

    await fixture.provider.release(addressId);
    expect(await view()).toMatchObject({ state: 'Releasing', rawStatus: 'Releasing' });
    clock.advance(DEFAULT_ALIBABA_DELAYS.releaseMs);
    expect(await fixture.provider.describeByIds([addressId])).toEqual([]);
  });

  it('releasing an address that is already gone succeeds, also when it vanishes between the check and the release', async () => {
    await expect(fixture.provider.release('eip-alreadygone0000000001')).resolves.toBeUndefined();
    const { addressId } = await fixture.provider.allocate(request('uid-vanish'));
    fixture.emulator.admin.setFault({ action: 'ReleaseEipAddress', errorCode: 'InvalidAllocationId.NotFound' });
    try {
      await expect(fixture.provider.release(addressId)).resolves.toBeUndefined();
    } finally {
      fixture.emulator.admin.clearFaults();
    }
    expect(callsOf('ReleaseEipAddress').at(-1)).toBe('InvalidAllocationId.NotFound');
  });

  it('joins the common bandwidth package after allocating (also on a replay) and leaves it before release', async () => {
    const parameters = { CommonBandwidthPackageId: DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID };
    const { addressId } = await fixture.provider.allocate(request('uid-cbwp', parameters));
    clock.advance(DEFAULT_ALIBABA_DELAYS.bandwidthPackageMs);
    expect((await describeOne(fixture.vpc, addressId))[0]!.bandwidthPackageId).toBe(DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID);
    expect(await fixture.provider.allocate(request('uid-cbwp', parameters))).toMatchObject({ addressId });
    expect(callsOf('AddCommonBandwidthPackageIp')).toEqual(['Success', 'OperationUnsupported.EipInCbwp']);

    // Leaving runs in the background: the release meanwhile is busy, and goes through once it is done.
    await expect(fixture.provider.release(addressId)).rejects.toMatchObject({ kind: 'conflict', code: 'TaskConflict', action: 'ReleaseEipAddress' });
    clock.advance(DEFAULT_ALIBABA_DELAYS.bandwidthPackageMs);
    await fixture.provider.release(addressId);
    expect(callsOf('RemoveCommonBandwidthPackageIp')).toEqual(['Success']);
    expect(callsOf('ReleaseEipAddress').slice(-2)).toEqual(['TaskConflict', 'Success']);
    clock.advance(DEFAULT_ALIBABA_DELAYS.releaseMs);
    expect(await describeOne(fixture.vpc, addressId)).toEqual([]);
  });

  it('refuses a bandwidth package that does not exist as the user\'s mistake', async () => {
    await expect(fixture.provider.allocate(request('uid-nocbwp', { CommonBandwidthPackageId: 'cbwp-doesnotexist' }))).rejects.toMatchObject({
      kind: 'invalid-request',
      code: 'InvalidBandwidthPackageId.NotFound',
      action: 'AddCommonBandwidthPackageIp',
    });
  });
});
