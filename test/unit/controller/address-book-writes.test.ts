import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AddressBook, CLUSTER_TAG } from '../../../src/lifecycle/address-book.js';
import { startTencentCloud, type TencentCloud } from './tencent-cloud-fixture.js';

/**
 * A write waits for its rate-limit token, sometimes for a minute; a periodic sync passing meanwhile
 * still sees the address as it was. Its finding must not outlive the write: a claim that read
 * "Available" from the cache after its associate went out would associate again (measured before
 * this rule: 30 refused duplicate associates in an Alibaba 500-pod churn).
 */
describe('AddressBook: what a read learned while a write waited is stale once the write is done', () => {
  let cloud: TencentCloud;
  let book: AddressBook;

  beforeAll(async () => {
    // Released addresses stay OFFLINING for the whole file, so what the cache says is exact.
    cloud = await startTencentCloud(7, { release: 60_000 });
    book = new AddressBook(cloud.provider, 'cluster-1');
  });
  afterAll(() => cloud.close());

  it('a sync during a release does not bring the released address back into the cache', async () => {
    const { addressId } = cloud.emulator.admin.createAddress({ tags: { [CLUSTER_TAG]: 'cluster-1' } });
    expect((await book.get(addressId))?.state).toBe('Available');
    await book.changing(addressId, async () => {
      await book.sync([]);
      await cloud.provider.release(addressId);
    });
    expect((await book.get(addressId))?.state).toBe('Releasing');
  });

  it('a sync begun after the write lands in the cache: the next read needs no describe', async () => {
    const { addressId } = cloud.emulator.admin.createAddress({ tags: { [CLUSTER_TAG]: 'cluster-1' } });
    await book.changing(addressId, () => cloud.provider.release(addressId));
    await book.sync([]);
    const describes = cloud.describeCalls();
    expect((await book.get(addressId))?.state).toBe('Releasing');
    expect(cloud.describeCalls()).toBe(describes);
  });
});
