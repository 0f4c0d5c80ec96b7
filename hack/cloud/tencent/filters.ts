/** `Filters: [{Name, Values}]` handling shared by DescribeAddresses and DescribeNetworkInterfaces. */
import { commonErrors } from './tencent-api-error.js';
import type { TencentTag } from './tencent-address.js';

export interface Filter {
  Name: string;
  Values: string[];
}

const MAX_FILTERS = 10;
const MAX_VALUES = 100;
const TAG_FILTER_PREFIX = 'tag:';

/** Checks counts and names; `tag:<key>` is accepted when tag filters are. */
export function validatedFilters(raw: unknown, knownNames: ReadonlySet<string>, unknownCode: string): Filter[] {
  const filters = (raw ?? []) as Filter[];
  if (filters.length > MAX_FILTERS) {
    throw commonErrors.invalidParameterValue(`At most ${MAX_FILTERS} filters are allowed.`, 'LimitExceeded.NumberOfFilters');
  }
  for (const filter of filters) {
    const isTagFilter = filter.Name.startsWith(TAG_FILTER_PREFIX) && knownNames.has('tag-key');
    if (!knownNames.has(filter.Name) && !isTagFilter) {
      throw commonErrors.invalidParameterValue(`The filter \`${filter.Name}\` is not supported.`, unknownCode);
    }
    if (filter.Values.length > MAX_VALUES) {
      throw commonErrors.invalidParameterValue(
        `A filter takes at most ${MAX_VALUES} values.`,
        'InvalidParameterValue.LimitExceeded',
      );
    }
  }
  return filters;
}

/** AND between filters; each filter matches when `matches` says so for its values (OR). */
export function matchesAll<T>(item: T, filters: Filter[], matches: (item: T, filter: Filter) => boolean): boolean {
  return filters.every((filter) => matches(item, filter));
}

/** tag-key, tag-value and tag:<key> filters; undefined for other filter names. */
export function matchesTagFilter(tags: TencentTag[], filter: Filter): boolean | undefined {
  if (filter.Name === 'tag-key') return tags.some((tag) => filter.Values.includes(tag.Key));
  if (filter.Name === 'tag-value') return tags.some((tag) => filter.Values.includes(tag.Value ?? ''));
  if (!filter.Name.startsWith(TAG_FILTER_PREFIX)) return undefined;
  const key = filter.Name.slice(TAG_FILTER_PREFIX.length);
  return tags.some((tag) => tag.Key === key && filter.Values.includes(tag.Value ?? ''));
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/** Offset (default 0) / Limit (default 20, at most 100) paging. */
export function page<T>(items: T[], offset: unknown, limit: unknown): T[] {
  const start = (offset as number | undefined) ?? 0;
  const size = (limit as number | undefined) ?? DEFAULT_LIMIT;
  if (start < 0) throw commonErrors.invalidParameterValue('Offset must not be negative.', 'InvalidParameterValue.Range');
  if (size < 1 || size > MAX_LIMIT) {
    throw commonErrors.invalidParameterValue(
      `Limit must be between 1 and ${MAX_LIMIT}.`,
      'InvalidParameterValue.LimitExceeded',
    );
  }
  return items.slice(start, start + size);
}
