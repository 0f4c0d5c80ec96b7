/**
 * What AssociateEipAddress answers when the ENI, its instance or the EIP is in a state set through the
 * admin API (common/resource-states.ts). Codes from the error table of
 * https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-associateeipaddress
 * (reference platforms-pools-and-error-tables.md "Long-tail error codes"); the "try again later"
 * ones begin with `Invalid…` although nothing in the request is wrong.
 */
import type { ResourceState } from '../common/resource-states.js';
import { AlibabaApiError } from './alibaba-api-error.js';
import type { AlibabaContext } from './alibaba-action.js';
import type { EipRecord } from './eip-record.js';

const INSTANCE_REFUSALS: Partial<Record<ResourceState, () => AlibabaApiError>> = {
  stopped: () => new AlibabaApiError('InvalidStatus.EcsStatusNotSupport', 'The status of the ECS instance does not support this operation.'),
  migrating: () => new AlibabaApiError('OperationFailed.EcsMigrating', 'The ECS instance is being migrated. Try again later.'),
};

/** A secondary ENI that is not attached (Available) can take an EIP; one being attached cannot. */
const ENI_REFUSALS: Partial<Record<ResourceState, () => AlibabaApiError>> = {
  attaching: () => new AlibabaApiError('InvalidStatus.EniStatusNotSupport', 'The status of the ENI does not support this operation.'),
};

/** Locks on the EIP itself: overdue payment (financial) or a security lock. */
const EIP_LOCKS: Partial<Record<ResourceState, { lockReason: string; refusal: () => AlibabaApiError }>> = {
  arrears: {
    lockReason: 'financial',
    refusal: () => new AlibabaApiError('Forbidden.FinancialLocked', 'The specified EIP is locked due to overdue payment.'),
  },
  blocked: {
    lockReason: 'security',
    refusal: () => new AlibabaApiError('InvalidEIPStatus.BizDisabled', 'The specified EIP is locked for security reasons.'),
  },
};

export function refuseLockedEip(context: AlibabaContext, eip: EipRecord): void {
  const lock = context.resourceStates.entryOf(EIP_LOCKS, eip.allocationId);
  if (lock) throw lock.refusal();
}

/** The reason DescribeEipAddresses lists under `OperationLocks.LockReason`, if the EIP is locked. */
export function lockReasonOf(context: AlibabaContext, eip: EipRecord): string | undefined {
  return context.resourceStates.entryOf(EIP_LOCKS, eip.allocationId)?.lockReason;
}

export function refuseUnusableTarget(context: AlibabaContext, networkInterfaceId: string, instanceId: string): void {
  const refusal = context.resourceStates.entryOf(ENI_REFUSALS, networkInterfaceId) ?? context.resourceStates.entryOf(INSTANCE_REFUSALS, instanceId);
  if (refusal) throw refusal();
}
