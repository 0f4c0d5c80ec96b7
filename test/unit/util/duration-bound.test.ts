/**
 * Issue 14 item 17: durations have an upper bound (8760h). `99999999999h` used to reach
 * `new Date(...).toISOString()` and throw RangeError on every pass; now it is bad input wherever it is given.
 */
import { jest } from '@jest/globals';
import { parseAlibabaAnnotations } from '../../../src/annotations/alibaba.js';
import { runCommand } from '../../../src/cli/run-command.js';
import { parseRunFlags } from '../../../src/cli/run-flags.js';
import { expiresAtFor, expiryOf } from '../../../src/lifecycle/expiry.js';
import { MAX_DURATION_MS, parseGoDuration, readGoDuration } from '../../../src/util/duration.js';

const HOUR = 3_600_000;

describe('Go durations: at most 8760h', () => {
  test.each([
    ['8760h', 8760 * HOUR],
    ['525600m', 8760 * HOUR],
    ['8759h59m59.999s', 8760 * HOUR - 1],
    ['-8760h', -8760 * HOUR],
  ])('%s is read', (text, ms) => {
    expect(readGoDuration(text)).toEqual({ ms });
    expect(parseGoDuration(text)).toBe(ms);
  });

  test.each([
    ['8760h0.001s', '8760h0.001s'],
    ['8761h', '8761h'],
    ['99999999999h', '99999999999h'],
    ['400 nines of hours (Infinity)', `${'9'.repeat(400)}h`],
    ['-8761h', '-8761h'],
  ])('%s is too long', (_name, text) => {
    expect(readGoDuration(text)).toEqual({ problem: 'too-long' });
    expect(parseGoDuration(text)).toBeUndefined();
  });

  test.each(['', '10', '10 minutes', 'h', '1e3h'])('%j is malformed', (text) => {
    expect(readGoDuration(text)).toEqual({ problem: 'malformed' });
  });

  test('the bound is one year', () => {
    expect(MAX_DURATION_MS).toBe(365 * 24 * HOUR);
  });
});

describe('where durations are given', () => {
  const STRATEGY = 'k8s.aliyun.com/pod-eip-release-strategy';

  function releaseStrategy(value: string) {
    return parseAlibabaAnnotations({ name: 'game-0', ownerReferences: [], annotations: { 'k8s.aliyun.com/pod-with-eip': 'true', [STRATEGY]: value } });
  }

  test('an Alibaba release strategy of 8760h keeps the claim that long', () => {
    expect(releaseStrategy('8760h')).toMatchObject({ kind: 'owned', deletePolicy: 'Never', expireAfter: '8760h' });
  });

  test.each(['8761h', '99999999999h'])('an Alibaba release strategy of %s is bad input', (value) => {
    expect(releaseStrategy(value)).toEqual({ kind: 'invalid', annotation: STRATEGY, problem: `must be at most 8760h, got ${JSON.stringify(value)}` });
  });

  test('a claim whose expireAfter was edited to 99999999999h gets no expiry instead of a RangeError', () => {
    const expiryMs = expiryOf({ deletePolicy: 'Never', expireAfter: '99999999999h' }, undefined);
    expect(expiryMs).toBeUndefined();
    expect(expiresAtFor('2026-11-29T00:00:00.000Z', expiryMs)).toBeNull();
  });

  test('--claim-expired-duration=8760h is accepted', () => {
    expect(parseRunFlags(['--region=r', '--cluster-id=c', '--claim-expired-duration=8760h']).claimExpiredMs).toBe(8760 * HOUR);
  });

  test.each(['8761h', '99999999999h'])('--claim-expired-duration=%s: one line on stderr, exit 2', async (value) => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(runCommand(['--region=r', '--cluster-id=c', `--claim-expired-duration=${value}`])).resolves.toBe(2);
      expect(stderr.mock.calls).toEqual([[`podeip run: --claim-expired-duration must be at most 8760h, got "${value}"\n`]]);
    } finally {
      stderr.mockRestore();
    }
  });
});
