/**
 * Issue 10 restart at scale: the start-up sync of 10,000 addresses is 100 DescribeAddresses pages.
 * One throttled page used to fail the whole read (and the next sync started again from page one);
 * a throttled page is now tried again, up to 3 times, and the read goes on.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CloudEmulator } from '../../../hack/cloud/common/index.js';
import { DEFAULT_TENCENT_CREDENTIALS, startTencentEmulator } from '../../../hack/cloud/tencent/index.js';
import { PodNetwork } from '../../../hack/network/pod-network.js';
import { TencentProvider } from '../../../src/providers/tencent/tencent-provider.js';

const FAST = { perSecond: {}, defaultPerSecond: 1000 };
const TAGS = { 'podeip.io/cluster': 'scale' };

describe('TencentProvider reads every page of a long tagged read although some pages are throttled', () => {
  let emulator: CloudEmulator;
  let provider: TencentProvider;

  beforeAll(async () => {
    Object.assign(process.env, {
      TENCENTCLOUD_SECRET_ID: DEFAULT_TENCENT_CREDENTIALS[0]!.secretId,
      TENCENTCLOUD_SECRET_KEY: DEFAULT_TENCENT_CREDENTIALS[0]!.secretKey,
    });
    emulator = await startTencentEmulator({ network: new PodNetwork({ seed: 3 }), rateLimits: false, seed: 5, quota: 2_000 });
    emulator.admin.createAddresses(Array.from({ length: 1_000 }, () => ({ tags: TAGS })));
    provider = new TencentProvider({ region: 'ap-guangzhou', endpoint: emulator.endpoint, rateLimits: FAST });
  });
  afterAll(async () => {
    provider.close();
    await emulator.close();
  });

  it('10 pages, a quarter of the calls throttled: every address read, each throttled page tried again', async () => {
    emulator.admin.setFault({ action: 'DescribeAddresses', errorRate: 0.25, errorCode: 'RequestLimitExceeded' });
    const found = await provider.describeByTags(TAGS);
    expect(new Set(found.map((address) => address.id)).size).toBe(1_000);
    const { OK, RequestLimitExceeded } = emulator.admin.calls().DescribeAddresses!;
    expect(OK).toBe(10);
    expect(RequestLimitExceeded).toBe(THROTTLED_FOR_SEED_5);
  });
});

/** How many of the calls the seeded fault turns away before 10 pages succeed (the same every run). */
const THROTTLED_FOR_SEED_5 = 7;
