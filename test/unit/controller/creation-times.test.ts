import { describe, expect, it } from '@jest/globals';
import type { EIPClaim } from '../../../src/k8s/eipclaim.js';
import { CreationTimes } from '../../../src/lifecycle/creation-times.js';

function claim(uid: string, creationTimestamp?: string): EIPClaim {
  return { metadata: { uid, name: uid, namespace: 'game', ...(creationTimestamp ? { creationTimestamp } : {}) } } as EIPClaim;
}

describe('CreationTimes: where a bind is measured from', () => {
  it('the millisecond this controller recorded, once; then the claim\'s whole-second creationTimestamp', () => {
    const times = new CreationTimes();
    const recorded = claim('uid-1', '2026-11-22T00:00:01Z');
    times.record(recorded, Date.parse('2026-11-22T00:00:00.750Z'));
    expect(times.take(recorded)).toBe(Date.parse('2026-11-22T00:00:00.750Z'));
    expect(times.take(recorded)).toBe(Date.parse('2026-11-22T00:00:01Z'));
  });

  it('a forgotten or never-recorded claim falls back to creationTimestamp, or nothing without one', () => {
    const times = new CreationTimes();
    const forgotten = claim('uid-2', '2026-11-22T00:00:05Z');
    times.record(forgotten, 1);
    times.forget(forgotten);
    expect(times.take(forgotten)).toBe(Date.parse('2026-11-22T00:00:05Z'));
    expect(times.take(claim('uid-3'))).toBeUndefined();
  });
});
