/**
 * Which EIP status allows which operation. An EIP in a transitional state "can only be queried"
 * (AssociateEipAddress docs), which the service reports as TaskConflict; a settled EIP in the wrong
 * state gets IncorrectEipStatus.
 */
import { eipErrors } from './alibaba-api-error.js';
import { BUSY_STATUSES, type EipRecord, type EipStatus } from './eip-record.js';

export function requireStatus(eip: EipRecord, wanted: EipStatus): void {
  requireSettled(eip);
  if (eip.status !== wanted) throw eipErrors.incorrectStatus();
}

/** While a bandwidth package task runs "you can only query" (AddCommonBandwidthPackageIp docs): also TaskConflict. */
export function requireSettled(eip: EipRecord): void {
  if (BUSY_STATUSES.includes(eip.status) || eip.bandwidthPackageTask) throw eipErrors.taskConflict();
}
