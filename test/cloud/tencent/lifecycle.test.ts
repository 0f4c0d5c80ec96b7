import { systemClock } from '../../../hack/cloud/common/index.js';
import { startTencentFixture, type TencentFixture } from './tencent-fixture.js';

const CLAIM_TAG = 'podeip.io/claim-uid';

describe('Tencent emulator: an EIP through its whole life with the official SDK', () => {
  let fixture: TencentFixture;

  beforeAll(async () => {
    fixture = await startTencentFixture({ rateLimits: false });
  });
  afterAll(() => fixture.close());

  it('allocates a batch, binds one to a pod IP found through DescribeNetworkInterfaces, unbinds and releases it', async () => {
    const { client, pod } = fixture;
    const allocated = await client.AllocateAddresses({
      AddressCount: 2,
      Tags: [{ Key: CLAIM_TAG, Value: 'uid-1' }],
      InternetMaxBandwidthOut: 10,
    });
    expect(allocated.AddressSet).toHaveLength(2);
    expect(allocated.AddressSet![0]).toMatch(/^eip-[a-z0-9]{8}$/);
    expect(allocated.TaskId).toMatch(/^\d+$/);
    const [first, second] = allocated.AddressSet!;

    const creating = await client.DescribeAddresses({ AddressIds: [first!] });
    expect(creating.TotalCount).toBe(1);
    expect(creating.AddressSet![0]).toMatchObject({ AddressId: first, AddressStatus: 'CREATING', Bandwidth: 10 });
    await expect(client.DescribeTaskResult({ TaskId: Number(allocated.TaskId) })).resolves.toMatchObject({
      Result: 'RUNNING',
    });
    fixture.finishTransitions();
    await expect(client.DescribeTaskResult({ TaskId: Number(allocated.TaskId) })).resolves.toMatchObject({
      TaskId: Number(allocated.TaskId),
      Result: 'SUCCESS',
    });

    const byTag = await client.DescribeAddresses({ Filters: [{ Name: `tag:${CLAIM_TAG}`, Values: ['uid-1'] }] });
    expect(byTag.AddressSet!.map((address) => address.AddressId).sort()).toEqual([first, second].sort());
    expect(byTag.AddressSet!.map((address) => address.AddressStatus)).toEqual(['UNBIND', 'UNBIND']);
    expect(byTag.AddressSet![0]!.TagSet).toEqual([{ Key: CLAIM_TAG, Value: 'uid-1' }]);
    const otherTag = await client.DescribeAddresses({ Filters: [{ Name: `tag:${CLAIM_TAG}`, Values: ['uid-2'] }] });
    expect(otherTag.TotalCount).toBe(0);

    const enis = await client.DescribeNetworkInterfaces({
      Filters: [
        { Name: 'address-ip', Values: [pod.privateIp] },
        { Name: 'ip-exact-match', Values: ['true'] },
      ],
    });
    expect(enis.NetworkInterfaceSet!.map((eni) => eni.NetworkInterfaceId)).toEqual([pod.networkInterfaceId]);

    await client.AssociateAddress({ AddressId: first!, NetworkInterfaceId: pod.networkInterfaceId, PrivateIpAddress: pod.privateIp });
    const binding = (await client.DescribeAddresses({ AddressIds: [first!] })).AddressSet![0]!;
    expect(binding).toMatchObject({
      AddressStatus: 'BINDING',
      NetworkInterfaceId: pod.networkInterfaceId,
      PrivateAddressIp: pod.privateIp,
    });
    fixture.finishTransitions();
    const bound = (await client.DescribeAddresses({ Filters: [{ Name: 'private-ip-address', Values: [pod.privateIp] }] }))
      .AddressSet![0]!;
    expect(bound).toMatchObject({ AddressId: first, AddressStatus: 'BIND', InstanceType: 'CVM' });
    const eniView = await client.DescribeNetworkInterfaces({ NetworkInterfaceIds: [pod.networkInterfaceId] });
    const podIp = eniView.NetworkInterfaceSet![0]!.PrivateIpAddressSet!.find((ip) => ip.PrivateIpAddress === pod.privateIp);
    expect(podIp).toMatchObject({ AddressId: first, PublicIpAddress: bound.AddressIp });

    await client.DisassociateAddress({ AddressId: first! });
    expect((await client.DescribeAddresses({ AddressIds: [first!] })).AddressSet![0]!.AddressStatus).toBe('UNBINDING');
    fixture.finishTransitions();
    const unbound = (await client.DescribeAddresses({ AddressIds: [first!] })).AddressSet![0]!;
    expect(unbound).toMatchObject({ AddressStatus: 'UNBIND', NetworkInterfaceId: null, PrivateAddressIp: null });

    await client.ReleaseAddresses({ AddressIds: [first!, second!] });
    const offlining = await client.DescribeAddresses({ AddressIds: [first!, second!] });
    expect(offlining.AddressSet!.map((address) => address.AddressStatus)).toEqual(['OFFLINING', 'OFFLINING']);
    fixture.finishTransitions();
    await expect(client.DescribeAddresses({ AddressIds: [first!, second!] })).resolves.toMatchObject({
      TotalCount: 0,
      AddressSet: [],
    });
  });

  it('replays a ClientToken with the same addresses and task', async () => {
    const request = { ClientToken: 'claim-uid-42', Tags: [{ Key: CLAIM_TAG, Value: 'uid-42' }] };
    const original = await fixture.client.AllocateAddresses(request);
    const replay = await fixture.client.AllocateAddresses(request);
    expect(replay.AddressSet).toEqual(original.AddressSet);
    expect(replay.TaskId).toBe(original.TaskId);
    expect(replay.RequestId).not.toBe(original.RequestId);
    const tagged = await fixture.client.DescribeAddresses({ Filters: [{ Name: 'tag-key', Values: [CLAIM_TAG] }] });
    expect(tagged.TotalCount).toBe(1);
  });

  it('pages with Offset and Limit and counts every match', async () => {
    fixture.finishTransitions();
    await fixture.client.AllocateAddresses({ AddressCount: 3, Tags: [{ Key: 'page', Value: 'x' }] });
    const filters = [{ Name: 'tag-key', Values: ['page'] }];
    const firstPage = await fixture.client.DescribeAddresses({ Filters: filters, Limit: 2 });
    const secondPage = await fixture.client.DescribeAddresses({ Filters: filters, Offset: 2, Limit: 2 });
    expect([firstPage.TotalCount, secondPage.TotalCount]).toEqual([3, 3]);
    expect([firstPage.AddressSet!.length, secondPage.AddressSet!.length]).toEqual([2, 1]);
  });

  it('finishes transitions on the system clock after the configured delays', async () => {
    const realTime = await startTencentFixture({ clock: systemClock, delaysMs: { create: 10 } });
    try {
      const { AddressSet } = await realTime.client.AllocateAddresses({});
      await realTime.emulator.admin.settled();
      const described = await realTime.client.DescribeAddresses({ AddressIds: AddressSet! });
      expect(described.AddressSet!.map((address) => address.AddressStatus)).toEqual(['UNBIND']);
    } finally {
      await realTime.close();
    }
  });
});
