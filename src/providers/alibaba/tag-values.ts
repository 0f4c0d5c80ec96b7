/**
 * Alibaba tag values are 1 to 128 characters (AllocateEipAddress `Tag.N.Value`; reference
 * platforms-pools-and-error-tables.md). podeip's own tags may carry longer values (`podeip.io/name`
 * of a 253-character pod name): such a value is shortened, not refused, to its first characters and
 * a hash of the whole, so that the same value always gives the same tag and two long values that
 * share a beginning still differ.
 */
import { createHash } from 'node:crypto';

export const MAX_TAG_VALUE_LENGTH = 128;
const HASH_LENGTH = 10;

export function fitTagValue(value: string): string {
  if (value.length <= MAX_TAG_VALUE_LENGTH) return value;
  const hash = createHash('sha256').update(value).digest('hex').slice(0, HASH_LENGTH);
  return `${value.slice(0, MAX_TAG_VALUE_LENGTH - HASH_LENGTH - 1)}-${hash}`;
}

export function fitTagValues(tags: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).map(([key, value]) => [key, fitTagValue(value)]));
}
