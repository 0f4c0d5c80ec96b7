/**
 * AssociateAddress (intl.cloud.tencent.com/document/api/215/16700): only UNBIND addresses can be bound;
 * one bound elsewhere gets the `*NotMatch` code naming what differs; an ENI attached to no instance
 * takes it as `BIND_ENI`.
 */
import { existingAddress, rejectWhileTaskRuns, runTask } from '../address-lookup.js';
import type { TencentAddress } from '../tencent-address.js';
import { addressErrors, commonErrors, type TencentApiError } from '../tencent-api-error.js';
import type { ActionHandler, TencentContext } from '../tencent-context.js';
import { isDetached, refuseBindingOfLockedAddress, refuseUnusableTarget } from '../target-state-refusals.js';

const ENI_ID_PATTERN = /^eni-[a-z0-9]{8}$/;
const INSTANCE_ID_PATTERN = /^ins-[a-z0-9]{8}$/;

type Target = Required<Pick<TencentAddress, 'networkInterfaceId' | 'privateIp' | 'instanceId' | 'instanceType'>>;

export const associateAddress: ActionHandler = (parameters, context) => {
  const address = existingAddress(context.book, parameters.AddressId as string);
  const target = targetOf(parameters, context);
  refuseBindingOfLockedAddress(context, address);
  rejectWhileTaskRuns(address);
  if (address.status !== 'UNBIND') throw boundElsewhere(address, target) ?? addressErrors.associateStatusNotPermit(address.addressId, address.status);
  refuseUnusableTarget(context, target.networkInterfaceId, target.instanceId);
  if (context.book.boundTo(target.networkInterfaceId, target.privateIp)) {
    throw parameters.InstanceId !== undefined
      ? addressErrors.instanceAlreadyBound(target.instanceId)
      : addressErrors.privateIpAlreadyBound(target.privateIp);
  }
  const detached = isDetached(context, target.networkInterfaceId);
  Object.assign(address, target, detached ? { instanceId: undefined, instanceType: 'ENI' } : {}, { status: 'BINDING' });
  const taskId = runTask(context, context.delays.bind, () => {
    if (address.status === 'BINDING') address.status = detached ? 'BIND_ENI' : 'BIND';
  });
  return { TaskId: taskId };
};

/** The documented code for an address bound to another ENI, private IP or instance; undefined when it is bound to this target. */
function boundElsewhere(address: TencentAddress, target: Target): TencentApiError | undefined {
  const { addressId, networkInterfaceId, privateIp, instanceId } = address;
  if (networkInterfaceId === undefined) {
    return instanceId !== undefined && instanceId !== target.instanceId ? addressErrors.instanceNotMatch(addressId, instanceId) : undefined;
  }
  if (networkInterfaceId !== target.networkInterfaceId) return addressErrors.networkInterfaceNotMatch(addressId, networkInterfaceId);
  if (privateIp !== target.privateIp) return addressErrors.privateIpNotMatch(addressId, privateIp!);
  return undefined;
}

function targetOf(parameters: Record<string, unknown>, context: TencentContext): Target {
  const instanceId = parameters.InstanceId as string | undefined;
  const eniId = parameters.NetworkInterfaceId as string | undefined;
  const privateIp = parameters.PrivateIpAddress as string | undefined;
  if (instanceId !== undefined && (eniId !== undefined || privateIp !== undefined)) throw addressErrors.parameterConflict();
  if (instanceId !== undefined) return instanceTarget(instanceId, context);
  if (eniId === undefined) throw addressErrors.missingAssociateEntity();
  if (privateIp === undefined) throw commonErrors.missingParameter('PrivateIpAddress');
  return eniTarget(eniId, privateIp, context);
}

function eniTarget(eniId: string, privateIp: string, context: TencentContext): Target {
  if (!ENI_ID_PATTERN.test(eniId)) throw addressErrors.malformedNetworkInterfaceId(eniId);
  const eni = context.network.interfaceById(eniId);
  if (!eni || !eni.privateIps.some((ip) => ip.address === privateIp)) {
    throw addressErrors.networkInterfaceNotFound(eniId, privateIp);
  }
  return { networkInterfaceId: eniId, privateIp, instanceId: eni.instanceId, instanceType: 'CVM' };
}

/** An instance id binds to the primary private IP of the instance's primary ENI. */
function instanceTarget(instanceId: string, context: TencentContext): Target {
  if (!INSTANCE_ID_PATTERN.test(instanceId)) throw addressErrors.malformedInstanceId(instanceId);
  const node = context.network.nodes().find((candidate) => candidate.instanceId === instanceId);
  const eni = node?.interfaces.find((candidate) => candidate.primary);
  if (!eni) throw addressErrors.instanceNotFound(instanceId);
  return { networkInterfaceId: eni.networkInterfaceId, privateIp: node!.hostIp, instanceId, instanceType: 'CVM' };
}
