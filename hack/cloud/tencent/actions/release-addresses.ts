/** ReleaseAddresses (intl.cloud.tencent.com/document/api/215/16705): only UNBIND addresses; all or nothing. */
import { existingAddress, rejectWhileTaskRuns, runTask } from '../address-lookup.js';
import { addressErrors, commonErrors } from '../tencent-api-error.js';
import type { ActionHandler } from '../tencent-context.js';

export const releaseAddresses: ActionHandler = (parameters, context) => {
  const ids = parameters.AddressIds as string[];
  if (ids.length === 0) throw commonErrors.missingParameter('AddressIds');
  const addresses = ids.map((id) => existingAddress(context.book, id));
  for (const address of addresses) {
    rejectWhileTaskRuns(address);
    if (address.status !== 'UNBIND') throw addressErrors.releaseStatusNotPermit(address.addressId, address.status);
  }
  addresses.forEach((address) => (address.status = 'OFFLINING'));
  const taskId = runTask(context, context.delays.release, () => {
    addresses.forEach((address) => context.book.remove(address.addressId));
  });
  return { TaskId: taskId };
};
