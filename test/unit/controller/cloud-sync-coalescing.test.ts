import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { AddressBook } from '../../../src/lifecycle/address-book.js';
import type { OrphanCollector } from '../../../src/lifecycle/orphan-collector.js';
import { CloudSync } from '../../../src/manager/cloud-sync.js';
import { startTencentCloud, type TencentCloud } from './tencent-cloud-fixture.js';

/** Orphan collection is R12's concern (test/integration/R12-orphans); here only the pass scheduling matters. */
const NO_ORPHANS = { collect: async () => undefined } as unknown as OrphanCollector;

/** A sync asked for during a pass (a clock jump, a restart's first read) must see the cloud after the ask. */
describe('CloudSync runs one more pass when asked during a pass, shared by every ask meanwhile', () => {
  let cloud: TencentCloud;
  let sync: CloudSync;

  beforeAll(async () => {
    cloud = await startTencentCloud(5);
    sync = new CloudSync(new AddressBook(cloud.provider, 'cluster-1'), NO_ORPHANS, () => [], () => undefined, pino({ level: 'silent' }));
  });
  afterAll(() => {
    sync.stop();
    return cloud.close();
  });

  it('three asks during a hung pass make exactly one more pass after it', async () => {
    cloud.emulator.admin.setFault({ action: 'DescribeAddresses', hang: true });
    const first = sync.runOnce();
    await cloud.emulator.admin.untilHanging(1);
    const second = sync.runOnce();
    const third = sync.runOnce();
    expect(third).toBe(second);
    cloud.emulator.admin.clearFaults('DescribeAddresses');
    await Promise.all([first, second, third]);
    expect(cloud.describeCalls()).toBe(2);
  });

  it('an ask when no pass runs starts one at once', async () => {
    const before = cloud.describeCalls();
    await sync.runOnce();
    expect(cloud.describeCalls()).toBe(before + 1);
  });
});
