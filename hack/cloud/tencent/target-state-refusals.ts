/**
 * What AssociateAddress / DisassociateAddress answer when the address, the instance or the ENI is in
 * a state set through the admin API (common/resource-states.ts), and what DescribeAddresses shows for
 * it. Codes from the AssociateAddress / DisassociateAddress lists (TC-GO client.go, texts in
 * errors.go; https://www.tencentcloud.com/document/api/215/16700 and 215/16703), reference
 * platforms-pools-and-error-tables.md "Long-tail error codes".
 */
import type { ResourceState } from '../common/resource-states.js';
import { TencentApiError } from './tencent-api-error.js';
import type { TencentAddress } from './tencent-address.js';
import type { TencentContext } from './tencent-context.js';

/** Arrears and blocking refuse binding; blocking also refuses unbinding (DisassociateAddress lists `InvalidAddressId.Blocked`). */
const ADDRESS_REFUSALS: Partial<Record<ResourceState, (id: string) => TencentApiError>> = {
  arrears: (id) => new TencentApiError('OperationDenied.AddressInArrears', `The address \`${id}\` is in arrears.`),
  blocked: (id) => new TencentApiError('InvalidAddressId.Blocked', `The address \`${id}\` is blocked.`),
};

/** The instance cannot take a binding while stopped or migrating; an ENI being attached counts as its instance's state. */
const TARGET_REFUSALS: Partial<Record<ResourceState, (id: string) => TencentApiError>> = {
  stopped: (id) => new TencentApiError('UnsupportedOperation.InstanceStateNotSupported', `The state of instance \`${id}\` does not support this operation.`),
  migrating: (id) => new TencentApiError('InvalidParameterValue.InvalidInstanceState', `The instance \`${id}\` is migrating.`),
  attaching: (id) => new TencentApiError('UnsupportedOperation.InstanceStateNotSupported', `The network interface \`${id}\` is being attached.`),
};

export function refuseBindingOfLockedAddress(context: TencentContext, address: TencentAddress): void {
  const refusal = context.kit.resourceStates.entryOf(ADDRESS_REFUSALS, address.addressId);
  if (refusal) throw refusal(address.addressId);
}

export function refuseUnbindingOfBlockedAddress(context: TencentContext, address: TencentAddress): void {
  if (stateOf(context, address.addressId) === 'blocked') throw ADDRESS_REFUSALS.blocked!(address.addressId);
}

export function refuseUnusableTarget(context: TencentContext, networkInterfaceId: string, instanceId: string): void {
  const eniState = stateOf(context, networkInterfaceId);
  const [id, refusal] = eniState === 'attaching' ? [networkInterfaceId, TARGET_REFUSALS.attaching] : [instanceId, context.kit.resourceStates.entryOf(TARGET_REFUSALS, instanceId)];
  if (refusal) throw refusal(id);
}

/** An ENI that is not attached to an instance can take an address, which is then `BIND_ENI` (TC-NODE `Address.AddressStatus`). */
export function isDetached(context: TencentContext, networkInterfaceId: string): boolean {
  return stateOf(context, networkInterfaceId) === 'detached';
}

/** `IsArrears` / `IsBlocked` of the `Address` model. */
export function billingFlagsOf(context: TencentContext, address: TencentAddress): { isArrears: boolean; isBlocked: boolean } {
  const state = stateOf(context, address.addressId);
  return { isArrears: state === 'arrears', isBlocked: state === 'blocked' };
}

function stateOf(context: TencentContext, resourceId: string): ResourceState | undefined {
  return context.kit.resourceStates.of(resourceId);
}
