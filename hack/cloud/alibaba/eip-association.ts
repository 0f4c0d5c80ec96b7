/**
 * VPC AssociateEipAddress / UnassociateEipAddress for pods: an EIP goes to one private IP of an ENI
 * (`InstanceType=NetworkInterface`, `PrivateIpAddress`), Available → Associating → InUse and back
 * through Unassociating, each step finishing after the configured delay.
 */
import { eipErrors } from './alibaba-api-error.js';
import { VPC_VERSION, type AlibabaAction, type AlibabaContext } from './alibaba-action.js';
import type { EipBinding } from './eip-record.js';
import { requireStatus } from './eip-status-rules.js';
import { admitOperationOn } from './operation-frequency.js';
import type { RpcParameters } from './rpc-parameters.js';
import { refuseLockedEip, refuseUnusableTarget } from './target-state-refusals.js';

const INSTANCE_TYPES = ['EcsInstance', 'NetworkInterface', 'Nat', 'SlbInstance', 'HaVip', 'IpAddress'] as const;
const EMULATED_INSTANCE_TYPE = 'NetworkInterface';

export const associateEipAddress: AlibabaAction = {
  name: 'AssociateEipAddress',
  version: VPC_VERSION,
  parameters: ['AllocationId', 'InstanceId', 'InstanceType', 'PrivateIpAddress', 'Mode', 'ClientToken', 'InstanceRegionId'],
  handle(parameters, context) {
    const eip = context.eips.get(parameters.required('AllocationId'));
    const binding = requestedBinding(parameters, context);
    refuseLockedEip(context, eip);
    requireStatus(eip, 'Available');
    if (context.eips.boundTo(binding.instanceId, binding.privateIpAddress)) throw eipErrors.duplicatedAssociation();
    admitOperationOn(eip, context);
    eip.status = 'Associating';
    eip.binding = binding;
    context.scheduler.schedule(context.delays.associateMs, () => {
      if (context.eips.find(eip.allocationId) === eip && eip.status === 'Associating') eip.status = 'InUse';
    });
    return {};
  },
};

export const unassociateEipAddress: AlibabaAction = {
  name: 'UnassociateEipAddress',
  version: VPC_VERSION,
  parameters: ['AllocationId', 'InstanceId', 'InstanceType', 'PrivateIpAddress', 'Force', 'ClientToken'],
  handle(parameters, context) {
    const eip = context.eips.get(parameters.required('AllocationId'));
    refuseLockedEip(context, eip);
    requireStatus(eip, 'InUse');
    if (!matchesBinding(parameters, eip.binding!)) throw eipErrors.incorrectStatus();
    admitOperationOn(eip, context);
    eip.status = 'Unassociating';
    context.scheduler.schedule(context.delays.unassociateMs, () => {
      if (context.eips.find(eip.allocationId) !== eip || eip.status !== 'Unassociating') return;
      eip.status = 'Available';
      delete eip.binding;
    });
    return {};
  },
};

/** The ENI must exist in the VPC and hold the private IP; only ENI targets are emulated. */
function requestedBinding(parameters: RpcParameters, context: AlibabaContext): EipBinding {
  const instanceType = parameters.oneOf('InstanceType', INSTANCE_TYPES, 'EcsInstance');
  if (instanceType !== EMULATED_INSTANCE_TYPE) throw eipErrors.unsupportedInstanceType();
  parameters.oneOf('Mode', ['NAT'], 'NAT');
  const instanceId = parameters.required('InstanceId');
  const privateIpAddress = parameters.required('PrivateIpAddress');
  const eni = context.network.interfaceById(instanceId);
  if (!eni) throw eipErrors.instanceNotFound();
  const privateIp = eni.privateIps.find((ip) => ip.address === privateIpAddress);
  if (!privateIp) throw eipErrors.privateIpNotFound();
  refuseUnusableTarget(context, eni.networkInterfaceId, eni.instanceId);
  return { instanceType, instanceId, privateIpAddress, ...(privateIp.primary ? { onPrimaryIp: true } : {}) };
}

/** Target parameters are optional on unassociate; those given must name the current binding. */
function matchesBinding(parameters: RpcParameters, binding: EipBinding): boolean {
  const expected: Record<string, string> = {
    InstanceId: binding.instanceId,
    InstanceType: binding.instanceType,
    PrivateIpAddress: binding.privateIpAddress,
  };
  return Object.entries(expected).every(([name, value]) => {
    const given = parameters.optional(name);
    return given === undefined || given === value;
  });
}
