import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CloudEmulator } from '../../../hack/cloud/common/index.js';
import { DEFAULT_TENCENT_CREDENTIALS, startTencentEmulator } from '../../../hack/cloud/tencent/index.js';
import { PodNetwork } from '../../../hack/network/pod-network.js';
import { AddressBook, CLUSTER_TAG } from '../../../src/lifecycle/address-book.js';
import { TencentProvider } from '../../../src/providers/tencent/tencent-provider.js';

/**
 * A write waits for its rate-limit token, sometimes for a minute; a periodic sync passing meanwhile
 * still sees the address as it was. Its finding must not outlive the write: a claim that read
 * "Available" from the cache after its associate went out would associate again (measured before
 * this rule: 30 refused duplicate associates in an Alibaba 500-pod churn).
 */
describe('AddressBook: what a read learned while a write waited is stale once the write is done', () => {
  let emulator: CloudEmulator;
  let provider: TencentProvider;
  let book: AddressBook;
  const describeCalls = () => Object.values(emulator.admin.calls().DescribeAddresses ?? {}).reduce((sum, count) => sum + count, 0);

  beforeAll(async () => {
    Object.assign(process.env, {
      TENCENTCLOUD_SECRET_ID: DEFAULT_TENCENT_CREDENTIALS[0]!.secretId,
      TENCENTCLOUD_SECRET_KEY: DEFAULT_TENCENT_CREDENTIALS[0]!.secretKey,
    });
    // Released addresses stay OFFLINING for the whole file, so what the cache says is exact.
    emulator = await startTencentEmulator({ network: new PodNetwork({ seed: 7 }), rateLimits: false, delaysMs: { release: 60_000 } });
    provider = new TencentProvider({ region: 'ap-guangzhou', endpoint: emulator.endpoint, rateLimits: { perSecond: {}, defaultPerSecond: 1000 } });
    book = new AddressBook(provider, 'cluster-1');
  });
  afterAll(() => {
    provider.close();
    return emulator.close();
  });

  it('a sync during a release does not bring the released address back into the cache', async () => {
    const { addressId } = emulator.admin.createAddress({ tags: { [CLUSTER_TAG]: 'cluster-1' } });
    expect((await book.get(addressId))?.state).toBe('Available');
    await book.changing(addressId, async () => {
      await book.sync([]);
      await provider.release(addressId);
    });
    expect((await book.get(addressId))?.state).toBe('Releasing');
  });

  it('a sync begun after the write lands in the cache: the next read needs no describe', async () => {
    const { addressId } = emulator.admin.createAddress({ tags: { [CLUSTER_TAG]: 'cluster-1' } });
    await book.changing(addressId, () => provider.release(addressId));
    await book.sync([]);
    const describes = describeCalls();
    expect((await book.get(addressId))?.state).toBe('Releasing');
    expect(describeCalls()).toBe(describes);
  });
});
