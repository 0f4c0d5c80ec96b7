import { V1MicroTime } from '@kubernetes/client-node';
import {
  claimedRecord,
  isHeldByAnother,
  leaseSpecFromRecord,
  recordFromLease,
  releasedRecord,
  type LeaderRecord,
} from '../../src/leader/leader-record.js';

const T0 = Date.parse('2026-01-02T03:04:05.678Z');
const heldByA: LeaderRecord = {
  holderIdentity: 'a',
  leaseDurationSeconds: 15,
  acquireTime: T0 - 60_000,
  renewTime: T0,
  leaseTransitions: 3,
};

describe('isHeldByAnother trusts the local observation time, not the record timestamps', () => {
  it('is held until observedAt + leaseDurationSeconds', () => {
    expect(isHeldByAnother(heldByA, 'b', T0, T0 + 14_999)).toBe(true);
    expect(isHeldByAnother(heldByA, 'b', T0, T0 + 15_000)).toBe(false);
  });

  it('ignores a renewTime far in the past when the change was observed just now', () => {
    const stale = { ...heldByA, renewTime: T0 - 3_600_000 };
    expect(isHeldByAnother(stale, 'b', T0, T0 + 1)).toBe(true);
  });

  it('is never held by another for the holder itself or when there is no holder', () => {
    expect(isHeldByAnother(heldByA, 'a', T0, T0)).toBe(false);
    expect(isHeldByAnother({ ...heldByA, holderIdentity: '' }, 'b', T0, T0)).toBe(false);
  });
});

describe('claimedRecord', () => {
  it('creates a fresh record with zero transitions', () => {
    expect(claimedRecord(undefined, 'b', 15, T0)).toEqual({
      holderIdentity: 'b',
      leaseDurationSeconds: 15,
      acquireTime: T0,
      renewTime: T0,
      leaseTransitions: 0,
    });
  });

  it('counts a transition when taking over from another holder', () => {
    expect(claimedRecord(heldByA, 'b', 15, T0 + 20_000)).toEqual({
      holderIdentity: 'b',
      leaseDurationSeconds: 15,
      acquireTime: T0 + 20_000,
      renewTime: T0 + 20_000,
      leaseTransitions: 4,
    });
  });

  it('keeps acquireTime and transitions on renewal', () => {
    expect(claimedRecord(heldByA, 'a', 15, T0 + 2_000)).toEqual({ ...heldByA, renewTime: T0 + 2_000 });
  });
});

it('releasedRecord empties the holder and shortens the duration to 1 s, keeping transitions', () => {
  expect(releasedRecord(heldByA, T0 + 5)).toEqual({
    holderIdentity: '',
    leaseDurationSeconds: 1,
    acquireTime: T0 + 5,
    renewTime: T0 + 5,
    leaseTransitions: 3,
  });
});

describe('Lease spec conversion', () => {
  it('writes MicroTime with microsecond precision as the API server expects', () => {
    const spec = leaseSpecFromRecord(heldByA);
    expect(JSON.parse(JSON.stringify(spec))).toEqual({
      holderIdentity: 'a',
      leaseDurationSeconds: 15,
      acquireTime: '2026-01-02T03:03:05.678000Z',
      renewTime: '2026-01-02T03:04:05.678000Z',
      leaseTransitions: 3,
    });
  });

  it('reads times whether client-node hands back wire strings or Date objects', () => {
    const fromWire = recordFromLease({
      spec: { ...leaseSpecFromRecord(heldByA), renewTime: '2026-01-02T03:04:05.678000Z' as unknown as V1MicroTime },
    });
    expect(fromWire).toEqual(heldByA);
  });

  it('reads an empty spec as an unheld record', () => {
    expect(recordFromLease({})).toEqual({
      holderIdentity: '',
      leaseDurationSeconds: 0,
      acquireTime: 0,
      renewTime: 0,
      leaseTransitions: 0,
    });
  });
});
