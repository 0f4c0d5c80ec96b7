/** PageNumber / PageSize paging as the Describe* actions do it (PageNumber from 1). */
import type { RpcParameters } from './rpc-parameters.js';

export function pagingFields<T>(
  parameters: RpcParameters,
  matching: readonly T[],
  maxPageSize: number,
): { page: T[]; fields: { TotalCount: number; PageNumber: number; PageSize: number } } {
  const pageNumber = parameters.integer('PageNumber', { min: 1, max: Number.MAX_SAFE_INTEGER }, 1);
  const pageSize = parameters.integer('PageSize', { min: 1, max: maxPageSize }, 10);
  const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return { page, fields: { TotalCount: matching.length, PageNumber: pageNumber, PageSize: pageSize } };
}
