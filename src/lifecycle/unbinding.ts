/** Shared by retention (R5), the finalizer (R4) and a claim switching addresses: take the claim's address off whatever podeip bound it to. */
import type { EIPClaim } from '../k8s/eipclaim.js';
import type { CloudAddress } from '../providers/provider.js';
import { announce, type Subjects } from './announce.js';
import { doneIfGone, withFailureEvent } from './cloud-steps.js';
import type { LifecycleContext } from './context.js';
import { ownershipOf } from './ownership.js';

export type UnbindOutcome = 'unbound' | 'waiting' | 'gone';

export async function unbind(context: LifecycleContext, claim: EIPClaim, subjects: Subjects): Promise<{ outcome: UnbindOutcome; address?: CloudAddress }> {
  const addressId = claim.status?.addressId;
  if (!addressId) return { outcome: 'gone' };
  const address = await context.addresses.refresh(addressId);
  if (!address) return { outcome: 'gone' };
  if (address.state === 'Available' || address.state === 'Releasing') return { outcome: 'unbound', address };
  if (address.state !== 'Bound') return { outcome: 'waiting', address };
  if (!ownershipOf(claim).boundByPodeip(claim, address)) return { outcome: 'unbound', address };
  await withFailureEvent(context, subjects, 'FailedDisassociateEIP', () =>
    doneIfGone(() => context.addresses.changing(addressId, () => context.provider.disassociate(addressId, address.target))),
  );
  await announce(context, subjects, 'Normal', 'DisassociatedEIP', `unbound ${addressId} from ${address.target?.privateIp ?? address.boundToOther ?? 'its target'}`);
  return { outcome: 'waiting', address };
}
