import { expectTencentError, startTencentFixture, type TencentFixture } from './tencent-fixture.js';

describe('Tencent emulator: binding targets, ENI lookups and filters', () => {
  let fixture: TencentFixture;

  beforeAll(async () => {
    fixture = await startTencentFixture({ rateLimits: false });
    fixture.network.addNode('node-b');
  });
  beforeEach(() => fixture.emulator.admin.reset());
  afterAll(() => fixture.close());

  async function unboundAddresses(count: number): Promise<string[]> {
    const { AddressSet } = await fixture.client.AllocateAddresses({ AddressCount: count });
    fixture.finishTransitions();
    return AddressSet!;
  }

  it('binds an InstanceId to the primary IP of its primary ENI, once', async () => {
    const node = fixture.network.node('node-a')!;
    const [first, second] = await unboundAddresses(2);
    await fixture.client.AssociateAddress({ AddressId: first!, InstanceId: node.instanceId });
    fixture.finishTransitions();
    const bound = (await fixture.client.DescribeAddresses({ AddressIds: [first!] })).AddressSet![0];
    expect(bound).toMatchObject({
      AddressStatus: 'BIND',
      InstanceId: node.instanceId,
      NetworkInterfaceId: node.interfaces[0]!.networkInterfaceId,
      PrivateAddressIp: node.hostIp,
    });
    await expectTencentError(
      fixture.client.AssociateAddress({ AddressId: second!, InstanceId: node.instanceId }),
      'InvalidInstanceId.AlreadyBindEip',
    );
    await expectTencentError(
      fixture.client.AssociateAddress({ AddressId: second!, InstanceId: 'ins-00000000' }),
      'InvalidInstanceId.NotFound',
    );
  });

  it('finds ENIs by suffix or exact private IP, by VPC, instance and primary flag', async () => {
    const { client, network, pod } = fixture;
    const nodeB = network.node('node-b')!;
    const ids = (set: { NetworkInterfaceId?: string }[] | undefined) => set!.map((eni) => eni.NetworkInterfaceId);
    const bySuffix = await client.DescribeNetworkInterfaces({ Filters: [{ Name: 'address-ip', Values: ['.10'] }] });
    expect(bySuffix.TotalCount).toBe(2);
    const exact = await client.DescribeNetworkInterfaces({
      Filters: [
        { Name: 'address-ip', Values: ['.10'] },
        { Name: 'ip-exact-match', Values: ['true'] },
      ],
    });
    expect(exact.TotalCount).toBe(0);
    const several = await client.DescribeNetworkInterfaces({
      Filters: [{ Name: 'address-ip', Values: [pod.privateIp, nodeB.hostIp] }],
    });
    expect(ids(several.NetworkInterfaceSet)).toEqual([pod.networkInterfaceId, nodeB.interfaces[0]!.networkInterfaceId]);
    const byInstance = await client.DescribeNetworkInterfaces({
      Filters: [
        { Name: 'vpc-id', Values: [network.vpcId] },
        { Name: 'attachment.instance-id', Values: [nodeB.instanceId] },
        { Name: 'is-primary', Values: ['true'] },
      ],
    });
    expect(ids(byInstance.NetworkInterfaceSet)).toEqual([nodeB.interfaces[0]!.networkInterfaceId]);
    expect(byInstance.NetworkInterfaceSet![0]).toMatchObject({
      VpcId: network.vpcId,
      Primary: true,
      Attachment: { InstanceId: nodeB.instanceId },
      PrivateIpAddressSet: [{ PrivateIpAddress: nodeB.hostIp, Primary: true, PublicIpAddress: '' }],
    });
    await expectTencentError(
      client.DescribeNetworkInterfaces({ Filters: [{ Name: 'colour', Values: ['red'] }] }),
      'InvalidParameter.FilterInvalidKey',
    );
    await expectTencentError(
      client.DescribeNetworkInterfaces({ NetworkInterfaceIds: [pod.networkInterfaceId], Filters: [{ Name: 'vpc-id', Values: ['x'] }] }),
      'InvalidParameterConflict',
    );
  });

  it('filters addresses by status, ENI, address IP and tag value', async () => {
    const { client, pod } = fixture;
    const [bound, idle] = await unboundAddresses(2);
    await client.AssociateAddress({ AddressId: bound!, NetworkInterfaceId: pod.networkInterfaceId, PrivateIpAddress: pod.privateIp });
    const only = async (name: string, values: string[]) =>
      (await client.DescribeAddresses({ Filters: [{ Name: name, Values: values }] })).AddressSet!.map((a) => a.AddressId);
    expect(await only('address-status', ['BINDING'])).toEqual([bound]);
    expect(await only('address-status', ['UNBIND', 'BINDING'])).toEqual([bound, idle]);
    expect(await only('network-interface-id', [pod.networkInterfaceId])).toEqual([bound]);
    const idleIp = fixture.emulator.admin.addresses().find((address) => address.addressId === idle)!.publicIp;
    expect(await only('address-ip', [idleIp])).toEqual([idle]);
    expect(await only('tag-value', ['nothing'])).toEqual([]);
  });

  it('allocates requested public IPs and refuses one already in use', async () => {
    const { client, emulator } = fixture;
    const { AddressSet } = await client.AllocateAddresses({ AddressCount: 2, VipCluster: ['203.0.113.7', '198.51.100.9'] });
    expect(emulator.admin.addresses().map((address) => [address.addressId, address.publicIp])).toEqual([
      [AddressSet![0], '203.0.113.7'],
      [AddressSet![1], '198.51.100.9'],
    ]);
    await expectTencentError(
      client.AllocateAddresses({ VipCluster: ['203.0.113.7'] }),
      'InvalidParameterValue.AddressIpNotAvailable',
    );
  });

  it('requires AddressChargePrepaid for monthly bandwidth and checks its period', async () => {
    const { client } = fixture;
    await expectTencentError(
      client.AllocateAddresses({ InternetChargeType: 'BANDWIDTH_PREPAID_BY_MONTH' }),
      'InvalidParameterValue.Combination',
    );
    await expectTencentError(
      client.AllocateAddresses({ InternetChargeType: 'BANDWIDTH_PREPAID_BY_MONTH', AddressChargePrepaid: { Period: 13 } }),
      'InvalidParameterValue.Range',
    );
    const monthly = await client.AllocateAddresses({
      InternetChargeType: 'BANDWIDTH_PREPAID_BY_MONTH',
      AddressChargePrepaid: { Period: 12, AutoRenewFlag: 1 },
      InternetMaxBandwidthOut: 200,
    });
    const described = await client.DescribeAddresses({ AddressIds: monthly.AddressSet! });
    expect(described.AddressSet![0]).toMatchObject({ InternetChargeType: 'BANDWIDTH_PREPAID_BY_MONTH', Bandwidth: 200 });
  });
});
