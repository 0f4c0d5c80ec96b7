import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pino from 'pino';
import type { CloudEmulator } from '../../../hack/cloud/common/index.js';
import { DEFAULT_TENCENT_CREDENTIALS, startTencentEmulator } from '../../../hack/cloud/tencent/index.js';
import { PodNetwork } from '../../../hack/network/pod-network.js';
import { AddressBook } from '../../../src/lifecycle/address-book.js';
import type { OrphanCollector } from '../../../src/lifecycle/orphan-collector.js';
import { CloudSync } from '../../../src/manager/cloud-sync.js';
import { TencentProvider } from '../../../src/providers/tencent/tencent-provider.js';

/** Orphan collection is R12's concern (test/integration/R12-orphans); here only the pass scheduling matters. */
const NO_ORPHANS = { collect: async () => undefined } as unknown as OrphanCollector;

/** A sync asked for during a pass (a clock jump, a restart's first read) must see the cloud after the ask. */
describe('CloudSync runs one more pass when asked during a pass, shared by every ask meanwhile', () => {
  let emulator: CloudEmulator;
  let sync: CloudSync;
  const describes = () => Object.values(emulator.admin.calls().DescribeAddresses ?? {}).reduce((sum, count) => sum + count, 0);

  beforeAll(async () => {
    Object.assign(process.env, {
      TENCENTCLOUD_SECRET_ID: DEFAULT_TENCENT_CREDENTIALS[0]!.secretId,
      TENCENTCLOUD_SECRET_KEY: DEFAULT_TENCENT_CREDENTIALS[0]!.secretKey,
    });
    emulator = await startTencentEmulator({ network: new PodNetwork({ seed: 5 }), rateLimits: false });
    const provider = new TencentProvider({ region: 'ap-guangzhou', endpoint: emulator.endpoint, rateLimits: { perSecond: {}, defaultPerSecond: 1000 } });
    sync = new CloudSync(new AddressBook(provider, 'cluster-1'), NO_ORPHANS, () => [], () => undefined, pino({ level: 'silent' }));
  });
  afterAll(() => {
    sync.stop();
    return emulator.close();
  });

  it('three asks during a hung pass make exactly one more pass after it', async () => {
    emulator.admin.setFault({ action: 'DescribeAddresses', hang: true });
    const first = sync.runOnce();
    await emulator.admin.untilHanging(1);
    const second = sync.runOnce();
    const third = sync.runOnce();
    expect(third).toBe(second);
    emulator.admin.clearFaults('DescribeAddresses');
    await Promise.all([first, second, third]);
    expect(describes()).toBe(2);
  });

  it('an ask when no pass runs starts one at once', async () => {
    const before = describes();
    await sync.runOnce();
    expect(describes()).toBe(before + 1);
  });
});
