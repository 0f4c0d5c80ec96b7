import { expectTencentError, startTencentFixture, type TencentFixture } from './tencent-fixture.js';

describe('Tencent emulator: documented errors through the official SDK', () => {
  let fixture: TencentFixture;

  beforeAll(async () => {
    fixture = await startTencentFixture({ rateLimits: false });
  });
  beforeEach(() => fixture.emulator.admin.reset());
  afterAll(() => fixture.close());

  async function unboundAddress(): Promise<string> {
    const { AddressSet } = await fixture.client.AllocateAddresses({});
    fixture.finishTransitions();
    return AddressSet![0]!;
  }

  function bindToPod(addressId: string) {
    const { pod } = fixture;
    return fixture.client.AssociateAddress({
      AddressId: addressId,
      NetworkInterfaceId: pod.networkInterfaceId,
      PrivateIpAddress: pod.privateIp,
    });
  }

  it('refuses calls the address state does not allow', async () => {
    const { client } = fixture;
    const addressId = await unboundAddress();
    await expectTencentError(client.DisassociateAddress({ AddressId: addressId }), 'InvalidAddressIdStatus.NotPermit');
    await bindToPod(addressId);
    await expectTencentError(bindToPod(addressId), 'OperationDenied.MutexTaskRunning');
    await expectTencentError(client.ReleaseAddresses({ AddressIds: [addressId] }), 'OperationDenied.MutexTaskRunning');
    fixture.finishTransitions();
    await expectTencentError(bindToPod(addressId), 'UnsupportedOperation.AddressStatusNotPermit');
    await expectTencentError(client.ReleaseAddresses({ AddressIds: [addressId] }), 'InvalidAddressState');
  });

  it('reports unknown and malformed addresses', async () => {
    const { client } = fixture;
    await expectTencentError(client.DisassociateAddress({ AddressId: 'eip-00000000' }), 'InvalidAddressId.NotFound');
    await expectTencentError(client.ReleaseAddresses({ AddressIds: ['eip-00000000'] }), 'InvalidAddressId.NotFound');
    await expectTencentError(client.AssociateAddress({ AddressId: 'eip-00000000', InstanceId: 'ins-00000000' }), 'InvalidAddressId.NotFound');
    await expectTencentError(
      client.DescribeAddresses({ AddressIds: ['not-an-eip'] }),
      'InvalidParameterValue.AddressIdMalformed',
    );
    await expect(client.DescribeAddresses({ AddressIds: ['eip-00000000'] })).resolves.toMatchObject({ TotalCount: 0 });
  });

  it('binds only to a private IP the ENI holds, one EIP per private IP', async () => {
    const { client, pod } = fixture;
    const first = await unboundAddress();
    const second = await unboundAddress();
    await expectTencentError(
      client.AssociateAddress({ AddressId: first, NetworkInterfaceId: pod.networkInterfaceId, PrivateIpAddress: '10.9.9.9' }),
      'InvalidNetworkInterfaceId.NotFound',
    );
    await expectTencentError(
      client.AssociateAddress({ AddressId: first, NetworkInterfaceId: 'eni-00000000', PrivateIpAddress: pod.privateIp }),
      'InvalidNetworkInterfaceId.NotFound',
    );
    await expectTencentError(
      client.AssociateAddress({
        AddressId: first,
        InstanceId: 'ins-00000000',
        NetworkInterfaceId: pod.networkInterfaceId,
        PrivateIpAddress: pod.privateIp,
      }),
      'InvalidParameterConflict',
    );
    await expectTencentError(client.AssociateAddress({ AddressId: first }), 'InvalidParameterValue.MissingAssociateEntity');
    await bindToPod(first);
    await expectTencentError(bindToPod(second), 'InvalidPrivateIpAddress.AlreadyBindEip');
  });

  it('enforces the account quota, default 20, settable', async () => {
    const { client, emulator } = fixture;
    await expect(client.DescribeAddressQuota()).resolves.toMatchObject({
      QuotaSet: [
        { QuotaId: 'TOTAL_EIP_QUOTA', QuotaCurrent: 0, QuotaLimit: 20 },
        { QuotaId: 'DAILY_EIP_APPLY', QuotaCurrent: 0, QuotaLimit: 40 },
      ],
    });
    await expectTencentError(client.AllocateAddresses({ AddressCount: 21 }), 'AddressQuotaLimitExceeded');
    emulator.admin.setQuota(2);
    await client.AllocateAddresses({ AddressCount: 2 });
    await expectTencentError(client.AllocateAddresses({}), 'AddressQuotaLimitExceeded');
    const quota = await client.DescribeAddressQuota();
    expect(quota.QuotaSet![0]).toMatchObject({ QuotaCurrent: 2, QuotaLimit: 2 });
  });

  it('limits allocations per day to twice the quota', async () => {
    const { client, emulator } = fixture;
    emulator.admin.setQuota(1);
    await client.AllocateAddresses({});
    await expectTencentError(client.AllocateAddresses({}), 'AddressQuotaLimitExceeded');
    fixture.finishTransitions();
    const [address] = emulator.admin.addresses();
    await client.ReleaseAddresses({ AddressIds: [address!.addressId] });
    fixture.finishTransitions();
    await client.AllocateAddresses({});
    fixture.finishTransitions();
    await client.ReleaseAddresses({ AddressIds: [emulator.admin.addresses()[0]!.addressId] });
    fixture.finishTransitions();
    await expectTencentError(client.AllocateAddresses({}), 'AddressQuotaLimitExceeded.DailyAllocate');
  });

  it('rejects unknown parameters and actions and invalid values', async () => {
    const { client } = fixture;
    await expectTencentError(client.request('AllocateAddresses', { AddressCnt: 1 }), 'UnknownParameter');
    await expectTencentError(client.request('AllocateAddresses', { Tags: [{ Key: 'a', Colour: 'b' }] }), 'UnknownParameter');
    await expectTencentError(client.request('AllocateAddresses', { AddressCount: '2' }), 'InvalidParameter');
    await expectTencentError(client.request('DisassociateAddress', {}), 'MissingParameter');
    await expectTencentError(client.request('DescribeEverything', {}), 'InvalidAction');
    await expectTencentError(client.DescribeAddresses({ Limit: 101 }), 'InvalidParameterValue.LimitExceeded');
    await expectTencentError(
      client.DescribeAddresses({ Filters: [{ Name: 'colour', Values: ['red'] }] }),
      'InvalidParameter.InvalidFilter',
    );
    await expectTencentError(
      client.AllocateAddresses({ InternetMaxBandwidthOut: 101 }),
      'InvalidParameterValue.BandwidthOutOfRange',
    );
    await expectTencentError(client.AllocateAddresses({ InternetServiceProvider: 'XYZ' }), 'InvalidParameterValue');
    await expectTencentError(
      client.AllocateAddresses({ Tags: [{ Key: 'a' }, { Key: 'a' }] }),
      'InvalidParameterValue.TagDuplicateKey',
    );
    await expectTencentError(client.DescribeTaskResult({ TaskId: 1 }), 'InvalidParameter');
  });
});
