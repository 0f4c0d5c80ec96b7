import { expectTencentError, startTencentFixture, type TencentFixture } from './tencent-fixture.js';

describe('Tencent emulator: documented per-action rate limits', () => {
  let fixture: TencentFixture;

  beforeAll(async () => {
    fixture = await startTencentFixture();
  });
  afterAll(() => fixture.close());

  async function outcomes(size: number, call: () => Promise<unknown>): Promise<string[]> {
    const settled = await Promise.allSettled(Array.from({ length: size }, () => call()));
    return settled.map((result) => (result.status === 'fulfilled' ? 'OK' : (result.reason as { code: string }).code));
  }

  it('throttles the eleventh DescribeAddressQuota call within one second (10/s) and refills over time', async () => {
    const results = await outcomes(11, () => fixture.client.DescribeAddressQuota());
    expect(results.filter((code) => code === 'OK')).toHaveLength(10);
    expect(results.filter((code) => code === 'RequestLimitExceeded')).toHaveLength(1);
    await expectTencentError(fixture.client.DescribeAddressQuota(), 'RequestLimitExceeded');
    fixture.clock.advance(100);
    await expect(fixture.client.DescribeAddressQuota()).resolves.toMatchObject({ QuotaSet: expect.any(Array) });
  });

  it('allows 20 DescribeAddresses per second, per action', async () => {
    const results = await outcomes(21, () => fixture.client.DescribeAddresses({}));
    expect(results.filter((code) => code === 'OK')).toHaveLength(20);
    expect(results.filter((code) => code === 'RequestLimitExceeded')).toHaveLength(1);
  });

  it('applies the documented 10/s to the write actions', async () => {
    const results = await outcomes(11, () => fixture.client.AllocateAddresses({}));
    expect(results.filter((code) => code === 'OK')).toHaveLength(10);
    expect(results.filter((code) => code === 'RequestLimitExceeded')).toHaveLength(1);
  });
});
