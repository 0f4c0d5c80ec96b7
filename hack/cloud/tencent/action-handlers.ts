import { allocateAddresses } from './actions/allocate-addresses.js';
import { associateAddress } from './actions/associate-address.js';
import { describeAddressQuota } from './actions/describe-address-quota.js';
import { describeAddresses } from './actions/describe-addresses.js';
import { describeNetworkInterfaces } from './actions/describe-network-interfaces.js';
import { describeTaskResult } from './actions/describe-task-result.js';
import { disassociateAddress } from './actions/disassociate-address.js';
import { releaseAddresses } from './actions/release-addresses.js';
import { tagResources } from './actions/tag-resources.js';
import { unTagResources } from './actions/un-tag-resources.js';
import type { ActionHandler } from './tencent-context.js';

export const ACTION_HANDLERS: Record<string, ActionHandler> = {
  AllocateAddresses: allocateAddresses,
  DescribeAddresses: describeAddresses,
  AssociateAddress: associateAddress,
  DisassociateAddress: disassociateAddress,
  ReleaseAddresses: releaseAddresses,
  DescribeTaskResult: describeTaskResult,
  DescribeAddressQuota: describeAddressQuota,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  TagResources: tagResources,
  UnTagResources: unTagResources,
};
