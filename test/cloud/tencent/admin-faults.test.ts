import { expectTencentError, startTencentFixture, type TencentFixture } from './tencent-fixture.js';

describe('Tencent emulator: admin API over HTTP and injected faults', () => {
  let fixture: TencentFixture;

  beforeAll(async () => {
    fixture = await startTencentFixture({ rateLimits: false, seed: 3 });
  });
  beforeEach(() => admin('POST', '/reset'));
  afterAll(() => fixture.close());

  async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${fixture.emulator.adminUrl}${path}`, {
      method,
      ...(body !== undefined && { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  }

  it('returns the injected error code for one action until the fault is deleted', async () => {
    expect((await admin('POST', '/faults', { action: 'AllocateAddresses', errorCode: 'InternalError' })).status).toBe(204);
    await expectTencentError(fixture.client.AllocateAddresses({}), 'InternalError');
    await expect(fixture.client.DescribeAddresses({})).resolves.toMatchObject({ TotalCount: 0 });
    expect((await admin('GET', '/faults')).json).toEqual([{ action: 'AllocateAddresses', errorCode: 'InternalError' }]);
    expect((await admin('DELETE', '/faults?action=AllocateAddresses')).status).toBe(204);
    await expect(fixture.client.AllocateAddresses({})).resolves.toMatchObject({ AddressSet: [expect.any(String)] });
  });

  it('fails about the configured share of calls, reproducibly for a seed', async () => {
    await admin('POST', '/faults', { action: '*', errorRate: 0.5, errorCode: 'RequestLimitExceeded' });
    const settled = await Promise.allSettled(Array.from({ length: 40 }, () => fixture.client.DescribeAddressQuota()));
    const failed = settled.filter((result) => result.status === 'rejected');
    expect(failed.length).toBeGreaterThan(8);
    expect(failed.length).toBeLessThan(32);
    expect(failed.every((result) => (result.reason as { code: string }).code === 'RequestLimitExceeded')).toBe(true);
    const calls = (await admin('GET', '/calls')).json as Record<string, Record<string, number>>;
    expect(calls).toEqual({
      DescribeAddressQuota: { OK: 40 - failed.length, RequestLimitExceeded: failed.length },
    });
  });

  it('adds latency to an action', async () => {
    await admin('POST', '/faults', { action: 'DescribeAddressQuota', latencyMs: 200 });
    const call = fixture.client.DescribeAddressQuota();
    const other = await fixture.client.DescribeAddresses({});
    expect(other.TotalCount).toBe(0);
    expect(fixture.emulator.admin.calls().DescribeAddressQuota).toBeUndefined();
    fixture.clock.advance(200);
    await expect(call).resolves.toMatchObject({ QuotaSet: expect.any(Array) });
  });

  it('holds a hanging call until the fault is cleared', async () => {
    await admin('POST', '/faults', [{ action: 'ReleaseAddresses', hang: true }]);
    const hanging = fixture.client.ReleaseAddresses({ AddressIds: ['eip-00000000'] });
    await fixture.emulator.admin.untilHanging(1);
    await fixture.client.DescribeAddresses({});
    expect(fixture.emulator.admin.calls().ReleaseAddresses).toBeUndefined();
    await admin('DELETE', '/faults');
    await expectTencentError(hanging, 'InvalidAddressId.NotFound');
  });

  it('creates addresses out of band, bound to a pod IP or to an unknown instance, and shows them', async () => {
    const { pod } = fixture;
    const onPod = await admin('POST', '/addresses', {
      networkInterfaceId: pod.networkInterfaceId,
      privateIp: pod.privateIp,
      tags: { owner: 'someone-else' },
    });
    expect(onPod.status).toBe(201);
    expect(onPod.json).toMatchObject({
      status: 'BIND',
      networkInterfaceId: pod.networkInterfaceId,
      privateIp: pod.privateIp,
      tags: { owner: 'someone-else' },
    });
    const elsewhere = await admin('POST', '/addresses', { instanceId: 'ins-elsewhere', publicIp: '198.51.100.77' });
    expect(elsewhere.json).toMatchObject({ status: 'BIND', instanceId: 'ins-elsewhere', publicIp: '198.51.100.77' });

    const described = await fixture.client.DescribeAddresses({ Filters: [{ Name: 'instance-id', Values: ['ins-elsewhere'] }] });
    expect(described.AddressSet![0]).toMatchObject({ AddressIp: '198.51.100.77', AddressStatus: 'BIND' });
    const { AddressSet } = await fixture.client.AllocateAddresses({});
    fixture.finishTransitions();
    await expectTencentError(
      fixture.client.AssociateAddress({
        AddressId: AddressSet![0]!,
        NetworkInterfaceId: pod.networkInterfaceId,
        PrivateIpAddress: pod.privateIp,
      }),
      'InvalidPrivateIpAddress.AlreadyBindEip',
    );

    const addresses = (await admin('GET', '/addresses')).json as { addressId: string; status: string }[];
    expect(addresses.map((address) => address.status)).toEqual(['BIND', 'BIND', 'UNBIND']);
    const enis = (await admin('GET', '/enis')).json as { privateIps: { address: string; addressId?: string }[] }[];
    expect(enis[0]!.privateIps.find((ip) => ip.address === pod.privateIp)?.addressId).toBe(addresses[0]!.addressId);
  });

  it('rejects bad admin input and resets everything', async () => {
    expect((await admin('POST', '/faults', { action: 'X', errorRate: 2 })).status).toBe(400);
    expect((await admin('POST', '/addresses', { privateIp: '10.0.0.11' })).status).toBe(400);
    expect((await admin('POST', '/quota', { limit: -1 })).status).toBe(400);
    expect((await admin('GET', '/nothing')).status).toBe(404);
    await admin('POST', '/quota', { limit: 0 });
    await expectTencentError(fixture.client.AllocateAddresses({}), 'AddressQuotaLimitExceeded');
    await admin('POST', '/reset');
    expect((await admin('GET', '/addresses')).json).toEqual([]);
    expect((await admin('GET', '/calls')).json).toEqual({});
    await expect(fixture.client.AllocateAddresses({})).resolves.toMatchObject({ AddressSet: [expect.any(String)] });
  });
});
