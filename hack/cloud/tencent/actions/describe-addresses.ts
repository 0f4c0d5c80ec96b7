/** DescribeAddresses (intl.cloud.tencent.com/document/api/215/16702). */
import { checkAddressIdFormat } from '../address-lookup.js';
import { matchesAll, matchesTagFilter, page, validatedFilters, type Filter } from '../filters.js';
import { toAddressModel, type TencentAddress } from '../tencent-address.js';
import { commonErrors } from '../tencent-api-error.js';
import type { ActionHandler, TencentContext } from '../tencent-context.js';
import { billingFlagsOf } from '../target-state-refusals.js';

const MAX_IDS = 100;

/** Filter name → the address field(s) its values are compared with (OR between values). */
const FIELD_FILTERS: Record<string, (address: TencentAddress, context: TencentContext) => string | undefined> = {
  'address-id': (address) => address.addressId,
  'address-name': (address) => address.name,
  'address-ip': (address) => address.publicIp,
  'address-status': (address) => address.status,
  'instance-id': (address) => address.instanceId,
  'private-ip-address': (address) => address.privateIp,
  'network-interface-id': (address) => address.networkInterfaceId,
  'is-arrears': (address, context) => (billingFlagsOf(context, address).isArrears ? 'TRUE' : 'FALSE'),
  'instance-type': (address) => address.instanceType,
  'address-type': (address) => address.addressType,
  'address-isp': (address) => address.isp,
  'dedicated-cluster-id': () => undefined,
};
/** Documented as "only the first value is used". */
const FIRST_VALUE_ONLY = new Set(['address-name', 'private-ip-address']);
const FILTER_NAMES = new Set([...Object.keys(FIELD_FILTERS), 'tag-key', 'tag-value']);

export const describeAddresses: ActionHandler = (parameters, context) => {
  const ids = parameters.AddressIds as string[] | undefined;
  const filters = validatedFilters(parameters.Filters, FILTER_NAMES, 'InvalidParameter.InvalidFilter');
  if (ids !== undefined) checkIds(ids, filters);
  const matching = context.book
    .all()
    .filter((address) => ids === undefined || ids.includes(address.addressId))
    .filter((address) => matchesAll(address, filters, (candidate, filter) => addressMatches(candidate, filter, context)));
  return {
    TotalCount: matching.length,
    AddressSet: page(matching, parameters.Offset, parameters.Limit).map((address) => toAddressModel(address, billingFlagsOf(context, address))),
  };
};

function checkIds(ids: string[], filters: Filter[]): void {
  if (filters.some((filter) => filter.Name === 'address-id')) {
    throw commonErrors.invalidParameterValue(
      'AddressIds and the address-id filter cannot be used together.',
      'InvalidParameterConflict',
    );
  }
  if (ids.length > MAX_IDS) {
    throw commonErrors.invalidParameterValue(`At most ${MAX_IDS} AddressIds are allowed.`, 'InvalidParameterValue.LimitExceeded');
  }
  ids.forEach(checkAddressIdFormat);
}

function addressMatches(address: TencentAddress, filter: Filter, context: TencentContext): boolean {
  const byTag = matchesTagFilter(address.tags, filter);
  if (byTag !== undefined) return byTag;
  const value = FIELD_FILTERS[filter.Name]!(address, context);
  const values = FIRST_VALUE_ONLY.has(filter.Name) ? filter.Values.slice(0, 1) : filter.Values;
  return value !== undefined && values.includes(value);
}
