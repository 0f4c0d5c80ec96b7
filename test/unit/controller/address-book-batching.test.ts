import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AddressBook } from '../../../src/lifecycle/address-book.js';
import { startTencentCloud, type TencentCloud } from './tencent-cloud-fixture.js';

function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** In a burst, reads of addresses must not cost one describe each: the describe limit would then set the pace. */
describe('AddressBook batches reads that arrive while a describe is under way', () => {
  let cloud: TencentCloud;
  let book: AddressBook;
  let ids: string[];

  beforeAll(async () => {
    cloud = await startTencentCloud(3);
    ids = ['a', 'b', 'c', 'd'].map((name) => cloud.emulator.admin.createAddress({ name }).addressId);
    book = new AddressBook(cloud.provider, 'cluster-1');
  });
  afterAll(() => cloud.close());

  it('reads asked for in separate moments while one describe hangs go out together in the next one', async () => {
    cloud.emulator.admin.setFault({ action: 'DescribeAddresses', hang: true });
    const first = book.refresh(ids[0]!);
    await cloud.emulator.admin.untilHanging(1);
    const later: Promise<unknown>[] = [];
    for (const id of ids.slice(1)) {
      later.push(book.refresh(id));
      await nextTick();
    }
    cloud.emulator.admin.clearFaults('DescribeAddresses');
    const read = await Promise.all([first, ...later]);
    expect(read.map((address) => (address as { id: string }).id)).toEqual(ids);
    expect(cloud.emulator.admin.calls()['DescribeAddresses']).toEqual({ OK: 2 });
  });
});
