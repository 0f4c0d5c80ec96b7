/** DisassociateAddress (intl.cloud.tencent.com/document/api/215/16703): only BIND and BIND_ENI can be unbound. */
import { existingAddress, rejectWhileTaskRuns, runTask } from '../address-lookup.js';
import { addressErrors } from '../tencent-api-error.js';
import type { ActionHandler } from '../tencent-context.js';
import { refuseUnbindingOfBlockedAddress } from '../target-state-refusals.js';

export const disassociateAddress: ActionHandler = (parameters, context) => {
  const address = existingAddress(context.book, parameters.AddressId as string);
  refuseUnbindingOfBlockedAddress(context, address);
  rejectWhileTaskRuns(address);
  if (address.status !== 'BIND' && address.status !== 'BIND_ENI') {
    throw addressErrors.disassociateStatusNotPermit(address.addressId, address.status);
  }
  address.status = 'UNBINDING';
  const taskId = runTask(context, context.delays.unbind, () => {
    if (address.status !== 'UNBINDING') return;
    address.status = 'UNBIND';
    delete address.networkInterfaceId;
    delete address.privateIp;
    delete address.instanceId;
    delete address.instanceType;
  });
  return { TaskId: taskId };
};
