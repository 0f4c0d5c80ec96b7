/**
 * VPC AddCommonBandwidthPackageIp / RemoveCommonBandwidthPackageIp: an EIP joins or leaves one of
 * the configured common bandwidth packages (CBWP). Joining and leaving complete at once here.
 */
import { eipErrors } from './alibaba-api-error.js';
import { VPC_VERSION, type AlibabaAction, type AlibabaContext } from './alibaba-action.js';
import type { EipRecord } from './eip-record.js';
import { requireSettled } from './eip-status-rules.js';
import type { RpcParameters } from './rpc-parameters.js';

export const addCommonBandwidthPackageIp: AlibabaAction = {
  name: 'AddCommonBandwidthPackageIp',
  version: VPC_VERSION,
  parameters: ['BandwidthPackageId', 'IpInstanceId', 'IpType', 'ClientToken'],
  handle(parameters, context) {
    const { packageId, eip } = packageAndEip(parameters, context);
    parameters.oneOf('IpType', ['EIP'], 'EIP');
    if (eip.bandwidthPackageId !== undefined) throw eipErrors.ipAlreadyInBandwidthPackage();
    eip.bandwidthPackageId = packageId;
    return {};
  },
};

export const removeCommonBandwidthPackageIp: AlibabaAction = {
  name: 'RemoveCommonBandwidthPackageIp',
  version: VPC_VERSION,
  parameters: ['BandwidthPackageId', 'IpInstanceId', 'ClientToken'],
  handle(parameters, context) {
    const { packageId, eip } = packageAndEip(parameters, context);
    if (eip.bandwidthPackageId !== packageId) throw eipErrors.ipNotInBandwidthPackage();
    delete eip.bandwidthPackageId;
    return {};
  },
};

function packageAndEip(parameters: RpcParameters, context: AlibabaContext): { packageId: string; eip: EipRecord } {
  const packageId = parameters.required('BandwidthPackageId');
  const eip = context.eips.get(parameters.required('IpInstanceId'));
  if (!context.bandwidthPackageIds.has(packageId)) throw eipErrors.bandwidthPackageNotFound();
  requireSettled(eip);
  return { packageId, eip };
}
