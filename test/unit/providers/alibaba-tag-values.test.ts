/**
 * SPEC §3.4 / §7 with issue 9 item 2: podeip's own Alibaba tag values over the 128 characters
 * AllocateEipAddress takes (`podeip.io/name` of a 253-character pod name) are shortened
 * deterministically, never refused.
 */
import { createHash } from 'node:crypto';
import { fitTagValue, fitTagValues, MAX_TAG_VALUE_LENGTH } from '../../../src/providers/alibaba/tag-values.js';

const LONG_NAME = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;

describe('Alibaba tag values (issue 9 item 2)', () => {
  test('a value of at most 128 characters is kept as it is', () => {
    expect(fitTagValue('game-0')).toBe('game-0');
    expect(fitTagValue('x'.repeat(128))).toBe('x'.repeat(128));
  });

  test('a longer value becomes its first 117 characters, a dash and 10 hex digits of its SHA-256: 128 characters', () => {
    expect(LONG_NAME).toHaveLength(253);
    const hash = createHash('sha256').update(LONG_NAME).digest('hex').slice(0, 10);
    expect(fitTagValue(LONG_NAME)).toBe(`${LONG_NAME.slice(0, 117)}-${hash}`);
    expect(fitTagValue(LONG_NAME)).toHaveLength(MAX_TAG_VALUE_LENGTH);
  });

  test('two long values with the same first 117 characters stay apart, and each always maps the same way', () => {
    const other = `${LONG_NAME.slice(0, 252)}e`;
    expect(fitTagValue(other)).not.toBe(fitTagValue(LONG_NAME));
    expect(fitTagValue(LONG_NAME)).toBe(fitTagValue(LONG_NAME));
  });

  test('fits every value of a tag set, keys unchanged', () => {
    expect(fitTagValues({ 'podeip.io/name': LONG_NAME, 'podeip.io/namespace': 'games' })).toEqual({
      'podeip.io/name': fitTagValue(LONG_NAME),
      'podeip.io/namespace': 'games',
    });
  });
});
