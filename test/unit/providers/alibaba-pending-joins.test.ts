/** Issue 9 item 2: an accepted bandwidth-package join is waited for while the cloud runs it, within a bound. */
import { describe, expect, it } from '@jest/globals';
import { PendingJoins } from '../../../src/providers/alibaba/pending-joins.js';
import type { CloudAddress } from '../../../src/providers/provider.js';

const address = (bandwidthPackageId?: string): CloudAddress => ({
  id: 'eip-1',
  publicIp: '203.0.113.1',
  state: 'Bound',
  rawStatus: 'InUse',
  tags: {},
  ...(bandwidthPackageId ? { bandwidthPackageId } : {}),
});

describe('PendingJoins', () => {
  let nowMs = 0;
  const joins = () => new PendingJoins(1_000, () => nowMs);

  it('is running from the accepted join until the address is described in the package', () => {
    const pending = joins();
    expect(pending.isRunning(address(), 'cbwp-a')).toBe(false);
    pending.started('eip-1', 'cbwp-a');
    expect(pending.isRunning(address(), 'cbwp-a')).toBe(true);
    expect(pending.isRunning(address('cbwp-a'), 'cbwp-a')).toBe(false);
    expect(pending.isRunning(address(), 'cbwp-a')).toBe(false);
  });

  it('lets a join go once the bound has passed, or when another package is asked for, or the address is released', () => {
    const pending = joins();
    pending.started('eip-1', 'cbwp-a');
    nowMs += 999;
    expect(pending.isRunning(address(), 'cbwp-a')).toBe(true);
    nowMs += 1;
    expect(pending.isRunning(address(), 'cbwp-a')).toBe(false);
    pending.started('eip-1', 'cbwp-a');
    expect(pending.isRunning(address(), 'cbwp-b')).toBe(false);
    pending.started('eip-1', 'cbwp-a');
    pending.forget('eip-1');
    expect(pending.isRunning(address(), 'cbwp-a')).toBe(false);
  });
});
