import { ManualClock } from '../../../hack/cloud/common/index.js';
import { DEFAULT_TENCENT_CREDENTIALS } from '../../../hack/cloud/tencent/index.js';
import { expectTencentError, startTencentFixture, type TencentFixture } from './tencent-fixture.js';

const SIX_MINUTES_MS = 6 * 60 * 1000;

describe('Tencent emulator: TC3-HMAC-SHA256 signature checks', () => {
  let fixture: TencentFixture;

  beforeAll(async () => {
    fixture = await startTencentFixture();
  });
  afterAll(() => fixture.close());

  it('accepts the SDK pointed at 127.0.0.1:PORT and at a vpc.* host name', async () => {
    await expect(fixture.client.DescribeAddressQuota()).resolves.toMatchObject({ QuotaSet: expect.any(Array) });
    const byName = fixture.clientWith({ hostName: 'vpc.emulator.test' });
    await expect(byName.DescribeAddressQuota()).resolves.toMatchObject({ QuotaSet: expect.any(Array) });
  });

  it('rejects a wrong secret key, an unknown secret id and a scope for another service', async () => {
    await expectTencentError(
      fixture.clientWith({ secretKey: 'not-the-secret' }).DescribeAddressQuota(),
      'AuthFailure.SignatureFailure',
    );
    await expectTencentError(
      fixture.clientWith({ secretId: 'AKIDunknown' }).DescribeAddressQuota(),
      'AuthFailure.SecretIdNotFound',
    );
    await expectTencentError(
      fixture.clientWith({ hostName: 'cvm.emulator.test' }).DescribeAddressQuota(),
      'AuthFailure.SignatureFailure',
    );
  });

  it('rejects a timestamp more than five minutes away from the server clock', async () => {
    const skewed = await startTencentFixture({ clock: new ManualClock(Date.now() + SIX_MINUTES_MS) });
    try {
      await expectTencentError(skewed.client.DescribeAddressQuota(), 'AuthFailure.SignatureExpire');
    } finally {
      await skewed.close();
    }
  });

  it('checks the session token of temporary credentials', async () => {
    const temporary = { secretId: 'AKIDtemporary', secretKey: 'temporary-key', token: 'session-token' };
    const withToken = await startTencentFixture({ credentials: [temporary] });
    try {
      await expect(withToken.clientWith(temporary).DescribeAddressQuota()).resolves.toMatchObject({ RequestId: expect.any(String) });
      await expectTencentError(
        withToken.clientWith({ ...temporary, token: 'stale-token' }).DescribeAddressQuota(),
        'AuthFailure.TokenFailure',
      );
    } finally {
      await withToken.close();
    }
  });

  it('rejects a request without Authorization, with the documented envelope', async () => {
    const response = await fetch(fixture.emulator.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-TC-Action': 'DescribeAddressQuota',
        'X-TC-Version': '2017-03-12',
        'X-TC-Region': 'ap-guangzhou',
        'X-TC-Timestamp': String(Math.floor(Date.now() / 1000)),
      },
      body: '{}',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { Response: { Error: { Code: string }; RequestId: string } };
    expect(body.Response.Error.Code).toBe('AuthFailure.InvalidAuthorization');
    expect(body.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects another region and answers only the configured credentials', async () => {
    await expectTencentError(fixture.clientWith({ region: 'ap-shanghai' }).DescribeAddressQuota(), 'UnsupportedRegion');
    expect(DEFAULT_TENCENT_CREDENTIALS).toHaveLength(1);
    const calls = fixture.emulator.admin.calls();
    expect(calls.DescribeAddressQuota).toMatchObject({
      OK: 2,
      'AuthFailure.SignatureFailure': 2,
      'AuthFailure.SecretIdNotFound': 1,
      'AuthFailure.InvalidAuthorization': 1,
      UnsupportedRegion: 1,
    });
  });
});
