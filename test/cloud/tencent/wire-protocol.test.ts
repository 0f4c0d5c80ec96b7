import { Agent } from 'node:http';
import { CommonClient } from 'tencentcloud-sdk-nodejs/tencentcloud/common/common_client.js';
import { DEFAULT_TENCENT_CREDENTIALS } from '../../../hack/cloud/tencent/index.js';
import { expectTencentError, startTencentFixture, TEST_REGION, type TencentFixture } from './tencent-fixture.js';

describe('Tencent emulator: API 3.0 wire protocol', () => {
  let fixture: TencentFixture;
  const agent = new Agent({ keepAlive: false });

  beforeAll(async () => {
    fixture = await startTencentFixture({ rateLimits: false });
  });
  afterAll(async () => {
    agent.destroy();
    await fixture.close();
  });

  function commonClient(version: string): CommonClient {
    return new CommonClient(fixture.emulator.endpoint.replace('http://', ''), version, {
      credential: DEFAULT_TENCENT_CREDENTIALS[0]!,
      region: TEST_REGION,
      profile: { httpProfile: { protocol: 'http://', agent } },
    });
  }

  it('serves 2017-03-12 through the SDK common client and rejects other versions', async () => {
    await expect(commonClient('2017-03-12').request('DescribeAddressQuota', {})).resolves.toMatchObject({
      QuotaSet: expect.any(Array),
    });
    await expectTencentError(commonClient('2020-01-01').request('DescribeAddressQuota', {}), 'NoSuchVersion');
  });

  it('answers GET requests with UnsupportedProtocol', async () => {
    await expectTencentError(fixture.clientWith({ reqMethod: 'GET' }).DescribeAddressQuota(), 'UnsupportedProtocol');
  });

  it('echoes the trace id and answers errors with HTTP 200', async () => {
    const response = await fetch(fixture.emulator.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-TC-TraceId': 'trace-1' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-tc-traceid')).toBe('trace-1');
    const body = (await response.json()) as { Response: { Error: { Code: string; Message: string } } };
    expect(body.Response.Error).toEqual({
      Code: 'MissingParameter',
      Message: 'The request is missing a required parameter `X-TC-Action`.',
    });
  });
});
