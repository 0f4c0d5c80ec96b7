import type { TencentAddressBook } from './address-book.js';
import { TRANSITIONAL_STATUSES, type TencentAddress } from './tencent-address.js';
import { addressErrors } from './tencent-api-error.js';
import type { TencentContext } from './tencent-context.js';

const ADDRESS_ID_PATTERN = /^eip-[a-z0-9]{8}$/;

export function checkAddressIdFormat(addressId: string): void {
  if (!ADDRESS_ID_PATTERN.test(addressId)) throw addressErrors.malformedId(addressId);
}

/** The address, or the documented malformed / not-found error. */
export function existingAddress(book: TencentAddressBook, addressId: string): TencentAddress {
  checkAddressIdFormat(addressId);
  const address = book.get(addressId);
  if (!address) throw addressErrors.notFound(addressId);
  return address;
}

export function rejectWhileTaskRuns(address: TencentAddress): void {
  if (TRANSITIONAL_STATUSES.has(address.status)) throw addressErrors.mutexTaskRunning(address.addressId);
}

/** Starts a task whose transition runs after the delay; returns the TaskId as the API does (a string). */
export function runTask(context: TencentContext, delayMs: number, transition: () => void): string {
  const taskId = context.book.tasks.start();
  context.kit.transitions.schedule(delayMs, () => {
    transition();
    context.book.tasks.finish(taskId);
  });
  return String(taskId);
}
