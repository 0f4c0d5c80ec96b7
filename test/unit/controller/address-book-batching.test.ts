import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CloudEmulator } from '../../../hack/cloud/common/index.js';
import { DEFAULT_TENCENT_CREDENTIALS, startTencentEmulator } from '../../../hack/cloud/tencent/index.js';
import { PodNetwork } from '../../../hack/network/pod-network.js';
import { AddressBook } from '../../../src/lifecycle/address-book.js';
import { TencentProvider } from '../../../src/providers/tencent/tencent-provider.js';

const FAST = { perSecond: {}, defaultPerSecond: 1000 };

function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** In a burst, reads of addresses must not cost one describe each: the describe limit would then set the pace. */
describe('AddressBook batches reads that arrive while a describe is under way', () => {
  let emulator: CloudEmulator;
  let book: AddressBook;
  let ids: string[];

  beforeAll(async () => {
    Object.assign(process.env, {
      TENCENTCLOUD_SECRET_ID: DEFAULT_TENCENT_CREDENTIALS[0]!.secretId,
      TENCENTCLOUD_SECRET_KEY: DEFAULT_TENCENT_CREDENTIALS[0]!.secretKey,
    });
    emulator = await startTencentEmulator({ network: new PodNetwork({ seed: 3 }), rateLimits: false });
    ids = ['a', 'b', 'c', 'd'].map((name) => emulator.admin.createAddress({ name }).addressId);
    book = new AddressBook(new TencentProvider({ region: 'ap-guangzhou', endpoint: emulator.endpoint, rateLimits: FAST }), 'cluster-1');
  });
  afterAll(() => emulator.close());

  it('reads asked for in separate moments while one describe hangs go out together in the next one', async () => {
    emulator.admin.setFault({ action: 'DescribeAddresses', hang: true });
    const first = book.refresh(ids[0]!);
    await emulator.admin.untilHanging(1);
    const later: Promise<unknown>[] = [];
    for (const id of ids.slice(1)) {
      later.push(book.refresh(id));
      await nextTick();
    }
    emulator.admin.clearFaults('DescribeAddresses');
    const read = await Promise.all([first, ...later]);
    expect(read.map((address) => (address as { id: string }).id)).toEqual(ids);
    expect(emulator.admin.calls()['DescribeAddresses']).toEqual({ OK: 2 });
  });
});
