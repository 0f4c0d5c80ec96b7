import { PassSchedule } from '../../../src/egress/pass-schedule.js';

const TIMING = { quietMs: 1_000, maxDelayMs: 5_000, resyncMs: 60_000, retryMs: 10_000 };

/** A schedule whose first pass (at once, on start) put `fingerprint` in place at t=0. */
function settled(fingerprint = 'a'): PassSchedule {
  const schedule = new PassSchedule(TIMING);
  expect(schedule.due(fingerprint, 0)).toBe(true);
  schedule.passed(fingerprint, true, 0);
  return schedule;
}

describe('PassSchedule: many binds and unbinds, few ConfigMap writes', () => {
  test('the first look passes at once; then nothing is due while nothing changes, until the resync', () => {
    const schedule = settled();
    expect(schedule.due('a', 59_999)).toBe(false);
    expect(schedule.due('a', 60_000)).toBe(true);
  });

  test('a change is passed once it has been quiet for quietMs', () => {
    const schedule = settled();
    expect(schedule.due('a,b', 100)).toBe(false);
    expect(schedule.due('a,b', 1_099)).toBe(false);
    expect(schedule.due('a,b', 1_100)).toBe(true);
  });

  test('changes that keep coming are passed together once the oldest is maxDelayMs old', () => {
    const schedule = settled();
    const looks = [100, 900, 1_700, 2_500, 3_300, 4_100, 4_900].map((now, index) => schedule.due(`a,${index}`, now));
    expect(looks).toEqual([false, false, false, false, false, false, false]);
    expect(schedule.due('a,7', 5_100)).toBe(true);
  });

  test('a change undone before it was passed needs no pass', () => {
    const schedule = settled();
    expect(schedule.due('a,b', 100)).toBe(false);
    expect(schedule.due('a', 200)).toBe(false);
    expect(schedule.due('a', 5_000)).toBe(false);
  });

  test('a change made during a pass waits its own quiet period after it', () => {
    const schedule = settled();
    expect(schedule.due('a,b', 100)).toBe(false);
    expect(schedule.due('a,b', 1_100)).toBe(true);
    schedule.passed('a,b', true, 1_300);
    expect(schedule.due('a,b,c', 1_350)).toBe(false);
    expect(schedule.due('a,b,c', 2_350)).toBe(true);
  });

  test('a pass that could not put the entries in place is retried after retryMs, whatever changes meanwhile', () => {
    const schedule = settled();
    expect(schedule.due('a,b', 1_000)).toBe(false);
    expect(schedule.due('a,b', 2_000)).toBe(true);
    schedule.passed('a,b', false, 2_000);
    expect(schedule.due('a,b,c', 5_000)).toBe(false);
    expect(schedule.due('a,b,c', 11_999)).toBe(false);
    expect(schedule.due('a,b,c', 12_000)).toBe(true);
  });
});
