/**
 * "You cannot call AssociateEipAddress [UnassociateEipAddress, …] repeatedly within a specific period
 * of time" (the actions' usage notes) and TaskConflict "The eip operate too frequent, please wait a
 * moment and try again" (their error tables): a write on a settled EIP sooner than
 * `minOperationIntervalMs` after the previous write on it is refused. The vendor gives no figure, so
 * the interval is the emulator's option (default 0: off).
 */
import { eipErrors } from './alibaba-api-error.js';
import type { AlibabaContext } from './alibaba-action.js';
import type { EipRecord } from './eip-record.js';

export function admitOperationOn(eip: EipRecord, context: AlibabaContext): void {
  const now = context.now();
  if (eip.lastOperationAtMs !== undefined && now - eip.lastOperationAtMs < context.minOperationIntervalMs) throw eipErrors.taskConflict();
  eip.lastOperationAtMs = now;
}
