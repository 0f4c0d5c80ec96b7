import { ManualClock } from '../../support/manual-clock.js';
import { checkExpiry, expiresAtFor, expiryOf, MAX_EXPIRY_SLEEP_MS } from '../../../src/lifecycle/expiry.js';

const MINUTE = 60_000;

describe('claim expiry (R6)', () => {
  test.each([
    ['Never with --claim-expired-duration', { deletePolicy: 'Never' as const }, 10 * MINUTE, 10 * MINUTE],
    ['Never without it: never expires', { deletePolicy: 'Never' as const }, undefined, undefined],
    ['Delete ignores --claim-expired-duration', { deletePolicy: 'Delete' as const }, 10 * MINUTE, undefined],
    ['the claim\'s own expireAfter wins', { deletePolicy: 'Never' as const, expireAfter: '1h30m' }, 10 * MINUTE, 90 * MINUTE],
    ['expireAfter also applies to Delete', { deletePolicy: 'Delete' as const, expireAfter: '15m' }, undefined, 15 * MINUTE],
  ])('%s', (_name, spec, flag, expected) => {
    expect(expiryOf(spec, flag)).toBe(expected);
  });

  test('expiresAt is podGoneAt plus the expiry, or nothing', () => {
    expect(expiresAtFor('2026-01-01T00:00:00.000Z', 10 * MINUTE)).toBe('2026-01-01T00:10:00.000Z');
    expect(expiresAtFor('2026-01-01T00:00:00.000Z', undefined)).toBeNull();
  });

  test('with an injected clock: sleeps until due, capped at an hour, then is due', () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const expiresAt = '2026-01-01T02:00:00.000Z';
    expect(checkExpiry(expiresAt, clock.now())).toEqual({ due: false, sleepMs: MAX_EXPIRY_SLEEP_MS });
    clock.advance(110 * MINUTE);
    expect(checkExpiry(expiresAt, clock.now())).toEqual({ due: false, sleepMs: 10 * MINUTE });
    clock.advance(10 * MINUTE - 1);
    expect(checkExpiry(expiresAt, clock.now())).toEqual({ due: false, sleepMs: 1 });
    clock.advance(1);
    expect(checkExpiry(expiresAt, clock.now())).toEqual({ due: true });
    expect(checkExpiry(undefined, clock.now())).toEqual({ due: false });
  });

  test('a manual clock tells its listeners about every jump', () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const seen: string[] = [];
    const unsubscribe = clock.onJump(() => seen.push(clock.now().toISOString()));
    clock.advance(MINUTE);
    unsubscribe();
    clock.advance(MINUTE);
    expect(seen).toEqual(['2026-01-01T00:01:00.000Z']);
  });
});
