/** Every emulated action, looked up by API version and action name (VPC and ECS share one endpoint). */
import type { AlibabaAction } from './alibaba-action.js';
import { allocateEipAddress } from './allocate-eip-address.js';
import { addCommonBandwidthPackageIp, removeCommonBandwidthPackageIp } from './common-bandwidth-package-ips.js';
import { describeEipAddresses } from './describe-eip-addresses.js';
import { describeNetworkInterfaces } from './describe-network-interfaces.js';
import { associateEipAddress, unassociateEipAddress } from './eip-association.js';
import { releaseEipAddress } from './release-eip-address.js';
import { tagResources } from './tag-resources.js';
import { unTagResources } from './un-tag-resources.js';

const ACTIONS: readonly AlibabaAction[] = [
  allocateEipAddress,
  describeEipAddresses,
  associateEipAddress,
  unassociateEipAddress,
  releaseEipAddress,
  tagResources,
  unTagResources,
  addCommonBandwidthPackageIp,
  removeCommonBandwidthPackageIp,
  describeNetworkInterfaces,
];

export function findAction(version: string, name: string): AlibabaAction | undefined {
  return ACTIONS.find((action) => action.version === version && action.name === name);
}
