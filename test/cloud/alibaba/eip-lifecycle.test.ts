import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID, DEFAULT_ALIBABA_DELAYS } from '../../../hack/cloud/alibaba/index.js';
import { ManualClock } from '../../../hack/cloud/common/clock.js';
import {
  allocate,
  describeOne,
  ecsSdk,
  REGION,
  REQUEST_ID,
  startAlibabaFixture,
  vpcSdk,
  type AlibabaFixture,
} from './alibaba-fixture.js';

describe('Alibaba emulator: an EIP for a pod, through the official SDKs', () => {
  const clock = new ManualClock(Date.now());
  let fixture: AlibabaFixture;

  beforeAll(async () => {
    fixture = await startAlibabaFixture({ clock });
  });
  afterAll(() => fixture.emulator.close());

  async function eniOfPodIp(privateIp: string) {
    const response = await fixture.ecs.describeNetworkInterfaces(
      new ecsSdk.DescribeNetworkInterfacesRequest({ regionId: REGION, vpcId: fixture.network.vpcId, privateIpAddress: [privateIp] }),
    );
    return response.body!;
  }

  it('allocates an Available EIP with the requested attributes and tags (values needing percent-encoding sign correctly)', async () => {
    const response = await fixture.vpc.allocateEipAddress(
      new vpcSdk.AllocateEipAddressRequest({
        regionId: REGION,
        bandwidth: '10',
        internetChargeType: 'PayByTraffic',
        ISP: 'BGP_PRO',
        name: 'default/web-0',
        description: "podeip: (a+b)*'!~ 默认",
        resourceGroupId: 'rg-acfm0000000000000001',
        tag: [new vpcSdk.AllocateEipAddressRequestTag({ key: 'podeip.io/claim-uid', value: 'uid-1' })],
      }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.body!.requestId).toMatch(REQUEST_ID);
    expect(response.body!.allocationId).toMatch(/^eip-[a-z0-9]{20}$/);
    expect(response.body!.eipAddress).toMatch(/^(203\.0\.113|198\.51\.100)\.\d+$/);
    expect(response.body!.resourceGroupId).toBe('rg-acfm0000000000000001');
    const [eip] = await describeOne(fixture.vpc, response.body!.allocationId!);
    expect(eip).toMatchObject({
      allocationId: response.body!.allocationId,
      ipAddress: response.body!.eipAddress,
      status: 'Available',
      bandwidth: '10',
      internetChargeType: 'PayByTraffic',
      chargeType: 'PostPaid',
      ISP: 'BGP_PRO',
      name: 'default/web-0',
      description: "podeip: (a+b)*'!~ 默认",
      instanceId: '',
      privateIpAddress: '',
      regionId: REGION,
    });
    expect(eip!.tags!.tag!.map((tag) => [tag.key, tag.value])).toEqual([['podeip.io/claim-uid', 'uid-1']]);
  });

  it('applies the documented defaults: 5 Mbit/s, PayByBandwidth, BGP, PostPaid', async () => {
    const { allocationId } = await allocate(fixture.vpc);
    const [eip] = await describeOne(fixture.vpc, allocationId);
    expect([eip!.bandwidth, eip!.internetChargeType, eip!.ISP, eip!.chargeType]).toEqual(['5', 'PayByBandwidth', 'BGP', 'PostPaid']);
  });

  it('returns the same EIP when a ClientToken is replayed, and a new one for a new token', async () => {
    const first = await allocate(fixture.vpc, { clientToken: 'claim-uid-42' });
    const replay = await allocate(fixture.vpc, { clientToken: 'claim-uid-42' });
    const other = await allocate(fixture.vpc, { clientToken: 'claim-uid-43' });
    expect(replay).toEqual(first);
    expect(other.allocationId).not.toBe(first.allocationId);
    const tokenEips = fixture.emulator.admin.addresses().filter((a) => [first.allocationId, other.allocationId].includes(a.addressId));
    expect(tokenEips).toHaveLength(2);
  });

  it('finds EIPs by tag key and value, by tag key alone, and by address', async () => {
    const tagged = await allocate(fixture.vpc, {
      tag: [new vpcSdk.AllocateEipAddressRequestTag({ key: 'podeip.io/cluster', value: 'blue' })],
    });
    await allocate(fixture.vpc, { tag: [new vpcSdk.AllocateEipAddressRequestTag({ key: 'podeip.io/cluster', value: 'green' })] });
    const byTag = await fixture.vpc.describeEipAddresses(
      new vpcSdk.DescribeEipAddressesRequest({
        regionId: REGION,
        tag: [new vpcSdk.DescribeEipAddressesRequestTag({ key: 'podeip.io/cluster', value: 'blue' })],
      }),
    );
    expect(byTag.body!.eipAddresses!.eipAddress!.map((eip) => eip.allocationId)).toEqual([tagged.allocationId]);
    const byKey = await fixture.vpc.describeEipAddresses(
      new vpcSdk.DescribeEipAddressesRequest({ regionId: REGION, tag: [new vpcSdk.DescribeEipAddressesRequestTag({ key: 'podeip.io/cluster' })] }),
    );
    expect(byKey.body!.totalCount).toBe(2);
    const byAddress = await fixture.vpc.describeEipAddresses(
      new vpcSdk.DescribeEipAddressesRequest({ regionId: REGION, eipAddress: tagged.eipAddress }),
    );
    expect(byAddress.body!.eipAddresses!.eipAddress!.map((eip) => eip.allocationId)).toEqual([tagged.allocationId]);
  });

  it('adds and overwrites tags with TagResources', async () => {
    const { allocationId } = await allocate(fixture.vpc, { tag: [new vpcSdk.AllocateEipAddressRequestTag({ key: 'a', value: '1' })] });
    await fixture.vpc.tagResources(
      new vpcSdk.TagResourcesRequest({
        regionId: REGION,
        resourceType: 'EIP',
        resourceId: [allocationId],
        tag: [new vpcSdk.TagResourcesRequestTag({ key: 'a', value: '2' }), new vpcSdk.TagResourcesRequestTag({ key: 'b', value: '3' })],
      }),
    );
    const [eip] = await describeOne(fixture.vpc, allocationId);
    expect(eip!.tags!.tag!.map((tag) => [tag.key, tag.value])).toEqual([['a', '2'], ['b', '3']]);
  });

  it('pages DescribeEipAddresses with PageNumber and PageSize', async () => {
    const all = await fixture.vpc.describeEipAddresses(new vpcSdk.DescribeEipAddressesRequest({ regionId: REGION, pageSize: 100 }));
    const total = all.body!.totalCount!;
    const second = await fixture.vpc.describeEipAddresses(new vpcSdk.DescribeEipAddressesRequest({ regionId: REGION, pageNumber: 2, pageSize: 3 }));
    expect(second.body).toMatchObject({ totalCount: total, pageNumber: 2, pageSize: 3 });
    expect(second.body!.eipAddresses!.eipAddress!.map((eip) => eip.allocationId)).toEqual(
      all.body!.eipAddresses!.eipAddress!.slice(3, 6).map((eip) => eip.allocationId),
    );
  });

  it('finds the ENI of a pod IP through ECS DescribeNetworkInterfaces', async () => {
    const pod = fixture.pods[1]!;
    const found = await eniOfPodIp(pod.privateIp);
    expect(found.totalCount).toBe(1);
    const eni = found.networkInterfaceSets!.networkInterfaceSet![0]!;
    expect(eni.networkInterfaceId).toBe(pod.networkInterfaceId);
    expect(eni.vpcId).toBe(fixture.network.vpcId);
    expect(eni.instanceId).toBe(fixture.network.node('node-a')!.instanceId);
    expect(eni.privateIpSets!.privateIpSet!.map((ip) => [ip.privateIpAddress, ip.primary])).toEqual(
      fixture.network.interfaceById(pod.networkInterfaceId)!.privateIps.map((ip) => [ip.address, ip.primary]),
    );
    const byIds = await fixture.ecs.describeNetworkInterfaces(
      new ecsSdk.DescribeNetworkInterfacesRequest({ regionId: REGION, networkInterfaceId: fixture.network.interfaces().slice(0, 3).map((e) => e.networkInterfaceId) }),
    );
    expect(byIds.body!.networkInterfaceSets!.networkInterfaceSet!.map((e) => [e.networkInterfaceId, e.type])).toEqual(
      fixture.network.interfaces().slice(0, 3).map((e) => [e.networkInterfaceId, e.primary ? 'Primary' : 'Secondary']),
    );
  });

  it('associates to a pod IP (Associating → InUse), unassociates (Unassociating → Available) and releases (Releasing → gone)', async () => {
    const pod = fixture.pods[2]!;
    const eniId = (await eniOfPodIp(pod.privateIp)).networkInterfaceSets!.networkInterfaceSet![0]!.networkInterfaceId!;
    const { allocationId, eipAddress } = await allocate(fixture.vpc);
    const target = { instanceId: eniId, instanceType: 'NetworkInterface', privateIpAddress: pod.privateIp };

    await fixture.vpc.associateEipAddress(new vpcSdk.AssociateEipAddressRequest({ regionId: REGION, allocationId, ...target }));
    expect((await describeOne(fixture.vpc, allocationId))[0]).toMatchObject({ status: 'Associating', ...target });
    clock.advance(DEFAULT_ALIBABA_DELAYS.associateMs);
    expect((await describeOne(fixture.vpc, allocationId))[0]).toMatchObject({ status: 'InUse', ...target });
    const onEni = (await eniOfPodIp(pod.privateIp)).networkInterfaceSets!.networkInterfaceSet![0]!.privateIpSets!.privateIpSet!;
    expect(onEni.find((ip) => ip.privateIpAddress === pod.privateIp)!.associatedPublicIp).toMatchObject({ publicIpAddress: eipAddress, allocationId });
    const byInstance = await fixture.vpc.describeEipAddresses(
      new vpcSdk.DescribeEipAddressesRequest({ regionId: REGION, associatedInstanceType: 'NetworkInterface', associatedInstanceId: eniId }),
    );
    expect(byInstance.body!.eipAddresses!.eipAddress!.map((eip) => eip.allocationId)).toEqual([allocationId]);

    await fixture.vpc.unassociateEipAddress(new vpcSdk.UnassociateEipAddressRequest({ regionId: REGION, allocationId, ...target }));
    expect((await describeOne(fixture.vpc, allocationId))[0]!.status).toBe('Unassociating');
    clock.advance(DEFAULT_ALIBABA_DELAYS.unassociateMs);
    expect((await describeOne(fixture.vpc, allocationId))[0]).toMatchObject({ status: 'Available', instanceId: '', privateIpAddress: '' });

    await fixture.vpc.releaseEipAddress(new vpcSdk.ReleaseEipAddressRequest({ regionId: REGION, allocationId }));
    expect((await describeOne(fixture.vpc, allocationId))[0]!.status).toBe('Releasing');
    clock.advance(DEFAULT_ALIBABA_DELAYS.releaseMs);
    expect(await describeOne(fixture.vpc, allocationId)).toEqual([]);
  });

  it('answers a replayed AssociateEipAddress ClientToken with the first answer instead of TaskConflict', async () => {
    const pod = fixture.pods[0]!;
    const { allocationId } = await allocate(fixture.vpc);
    const request = new vpcSdk.AssociateEipAddressRequest({
      regionId: REGION, allocationId, instanceType: 'NetworkInterface', instanceId: pod.networkInterfaceId,
      privateIpAddress: pod.privateIp, clientToken: 'bind-once',
    });
    const callsBefore = fixture.emulator.admin.calls().AssociateEipAddress?.OK ?? 0;
    expect((await fixture.vpc.associateEipAddress(request)).statusCode).toBe(200);
    expect((await fixture.vpc.associateEipAddress(request)).statusCode).toBe(200);
    expect(fixture.emulator.admin.calls().AssociateEipAddress).toEqual({ OK: callsBefore + 2 });
    clock.advance(DEFAULT_ALIBABA_DELAYS.associateMs);
    expect((await describeOne(fixture.vpc, allocationId))[0]!.status).toBe('InUse');
  });

  it('joins and leaves the common bandwidth package', async () => {
    const { allocationId } = await allocate(fixture.vpc);
    const membership = { regionId: REGION, bandwidthPackageId: DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID, ipInstanceId: allocationId };
    await fixture.vpc.addCommonBandwidthPackageIp(new vpcSdk.AddCommonBandwidthPackageIpRequest(membership));
    clock.advance(DEFAULT_ALIBABA_DELAYS.bandwidthPackageMs);
    expect((await describeOne(fixture.vpc, allocationId))[0]).toMatchObject({
      bandwidthPackageId: DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID,
      bandwidthPackageType: 'CommonBandwidthPackage',
    });
    await fixture.vpc.removeCommonBandwidthPackageIp(new vpcSdk.RemoveCommonBandwidthPackageIpRequest(membership));
    clock.advance(DEFAULT_ALIBABA_DELAYS.bandwidthPackageMs);
    expect((await describeOne(fixture.vpc, allocationId))[0]!.bandwidthPackageId).toBe('');
  });

  it('hands out the same ids and addresses again from the same seed', async () => {
    const twins = await Promise.all([startAlibabaFixture({ seed: 99 }), startAlibabaFixture({ seed: 99 })]);
    try {
      const [first, second] = await Promise.all(twins.map((twin) => allocate(twin.vpc)));
      expect(second).toEqual(first);
    } finally {
      await Promise.all(twins.map((twin) => twin.emulator.close()));
    }
  });

  it('shows the same addresses and ENIs on the admin API', async () => {
    const { allocationId, eipAddress } = await allocate(fixture.vpc, { tag: [new vpcSdk.AllocateEipAddressRequestTag({ key: 'k', value: 'v' })] });
    const admin = await (await fetch(`${fixture.emulator.adminUrl}/addresses`)).json() as Array<Record<string, unknown>>;
    expect(admin.find((address) => address.addressId === allocationId)).toMatchObject({ publicIp: eipAddress, status: 'Available', tags: { k: 'v' } });
    const enis = await (await fetch(`${fixture.emulator.adminUrl}/enis`)).json() as Array<Record<string, unknown>>;
    expect(enis.map((eni) => eni.networkInterfaceId)).toEqual(fixture.network.interfaces().map((eni) => eni.networkInterfaceId));
  });
});
