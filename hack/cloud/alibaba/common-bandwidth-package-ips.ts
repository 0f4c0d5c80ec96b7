/**
 * VPC AddCommonBandwidthPackageIp / RemoveCommonBandwidthPackageIp: an EIP joins or leaves one of
 * the configured common bandwidth packages (CBWP). Both are asynchronous ("the system returns a
 * request ID and runs the task in the background", AddCommonBandwidthPackageIp docs): the package is
 * BINDING / UNBINDING for the delay, the EIP "can only be queried" meanwhile (TaskConflict), and
 * DescribeEipAddresses shows the new membership only once the task is done.
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
    runTask(context, eip, 'joining', () => {
      eip.bandwidthPackageId = packageId;
    });
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
    runTask(context, eip, 'leaving', () => {
      delete eip.bandwidthPackageId;
    });
    return {};
  },
};

function runTask(context: AlibabaContext, eip: EipRecord, task: NonNullable<EipRecord['bandwidthPackageTask']>, done: () => void): void {
  eip.bandwidthPackageTask = task;
  context.scheduler.schedule(context.delays.bandwidthPackageMs, () => {
    if (context.eips.find(eip.allocationId) !== eip || eip.bandwidthPackageTask !== task) return;
    delete eip.bandwidthPackageTask;
    done();
  });
}

function packageAndEip(parameters: RpcParameters, context: AlibabaContext): { packageId: string; eip: EipRecord } {
  const packageId = parameters.required('BandwidthPackageId');
  const eip = context.eips.get(parameters.required('IpInstanceId'));
  if (!context.bandwidthPackageIds.has(packageId)) throw eipErrors.bandwidthPackageNotFound();
  requireSettled(eip);
  return { packageId, eip };
}
