/** VPC DescribeEipAddresses: filter by id, address, status, association and tags; one page of results. */
import { gatewayErrors } from './alibaba-api-error.js';
import { VPC_VERSION, type AlibabaAction } from './alibaba-action.js';
import { describedEip, EIP_STATUSES, type EipRecord } from './eip-record.js';
import { pagingFields } from './paging.js';
import { lockReasonOf } from './target-state-refusals.js';
import type { RpcParameters, Tag } from './rpc-parameters.js';

/** AllocationId and EipAddress take at most 50 comma-separated values. */
const MAX_LISTED_VALUES = 50;
const MAX_PAGE_SIZE = 100;

type EipFilter = (eip: EipRecord) => boolean;

export const describeEipAddresses: AlibabaAction = {
  name: 'DescribeEipAddresses',
  version: VPC_VERSION,
  parameters: [
    'AllocationId', 'EipAddress', 'Status', 'AssociatedInstanceType', 'AssociatedInstanceId', 'EipName', 'ISP',
    'ResourceGroupId', 'Tag.N.Key', 'Tag.N.Value', 'PageNumber', 'PageSize',
  ],
  handle(parameters, context) {
    const filters = filtersOf(parameters);
    const matching = context.eips.all().filter((eip) => filters.every((filter) => filter(eip)));
    const { page, fields } = pagingFields(parameters, matching, MAX_PAGE_SIZE);
    return { ...fields, EipAddresses: { EipAddress: page.map((eip) => describedEip(eip, lockReasonOf(context, eip))) } };
  },
};

function filtersOf(parameters: RpcParameters): EipFilter[] {
  const filters: EipFilter[] = [];
  const allocationIds = listOf(parameters, 'AllocationId');
  if (allocationIds.length > 0) filters.push((eip) => allocationIds.includes(eip.allocationId));
  const addresses = listOf(parameters, 'EipAddress');
  if (addresses.length > 0) filters.push((eip) => addresses.includes(eip.ipAddress));
  if (parameters.optional('Status') !== undefined) {
    const status = parameters.oneOf('Status', EIP_STATUSES, 'Available');
    filters.push((eip) => eip.status === status);
  }
  const instanceType = parameters.optional('AssociatedInstanceType');
  if (instanceType !== undefined) filters.push((eip) => eip.binding?.instanceType === instanceType);
  const instanceId = parameters.optional('AssociatedInstanceId');
  if (instanceId !== undefined) filters.push((eip) => eip.binding?.instanceId === instanceId);
  const name = parameters.optional('EipName');
  if (name !== undefined) filters.push((eip) => eip.name === name);
  const isp = parameters.optional('ISP');
  if (isp !== undefined) filters.push((eip) => eip.isp === isp);
  const resourceGroupId = parameters.optional('ResourceGroupId');
  if (resourceGroupId !== undefined) filters.push((eip) => eip.resourceGroupId === resourceGroupId);
  const tags = parameters.tags();
  if (tags.length > 0) filters.push((eip) => tags.every((wanted) => carriesTag(eip, wanted)));
  return filters;
}

function listOf(parameters: RpcParameters, name: string): string[] {
  const values = parameters.commaList(name);
  if (values.length > MAX_LISTED_VALUES) throw gatewayErrors.invalidParameter(name);
  return values;
}

/** A tag filter without a value matches every value of the key. */
function carriesTag(eip: EipRecord, wanted: Tag): boolean {
  return eip.tags.some((tag) => tag.key === wanted.key && (wanted.value === '' || tag.value === wanted.value));
}
