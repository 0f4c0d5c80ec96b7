/**
 * What podeip may do with the address a claim holds, chosen once from `status.ownership` (recorded in
 * the same write as the address id), never from the claim's spec, which a person or a later
 * annotation can change (SPEC §4): an owned address is podeip's wherever it points and is released
 * when the claim lets it go; a static one is only unbound where podeip bound it, and never released.
 */
import type { EIPClaim } from '../k8s/eipclaim.js';
import type { CloudAddress } from '../providers/provider.js';
import { announce, type Subjects } from './announce.js';
import { doneIfGone, withFailureEvent } from './cloud-steps.js';
import type { LifecycleContext } from './context.js';

export interface Ownership {
  readonly name: 'Owned' | 'Static' | 'Pooled';
  /** Whether podeip put the address where it now points, and so may take it off there. */
  boundByPodeip(claim: EIPClaim, address: CloudAddress): boolean;
  /** The target goes on the claim before the bind, so that a bind completing unrecorded is still undone. */
  readonly recordsTargetBeforeBind: boolean;
  /** The claim no longer holds the (unbound) address: release it, or leave it where it is. */
  relinquish(context: LifecycleContext, addressId: string, subjects: Subjects): Promise<void>;
}

const OWNED: Ownership = {
  name: 'Owned',
  boundByPodeip: () => true,
  recordsTargetBeforeBind: false,
  relinquish: releaseAddress,
};

const STATIC: Ownership = {
  name: 'Static',
  boundByPodeip: (claim, address) => address.target !== undefined && address.target.privateIp === claim.status?.privateIP,
  recordsTargetBeforeBind: true,
  relinquish: async () => undefined,
};

/** An address lent by an EIPPool goes back to it, unbound (SPEC §10): the pool decides whether it is ever released. */
const POOLED: Ownership = {
  name: 'Pooled',
  boundByPodeip: STATIC.boundByPodeip,
  recordsTargetBeforeBind: true,
  relinquish: async (context, addressId, subjects) => {
    if (subjects.claim) context.pools.returned(subjects.claim, addressId);
  },
};

/** The held address's ownership; a claim that records none is treated as static: never released by mistake (R12 collects a leak). */
export function ownershipOf(claim: EIPClaim): Ownership {
  if (claim.status?.pool) return POOLED;
  return claim.status?.ownership === 'Owned' ? OWNED : STATIC;
}

/** An owned address another claim names (a static request for it) passes to that claim instead of being released. */
export async function releaseAddress(context: LifecycleContext, addressId: string, subjects: Subjects): Promise<void> {
  const heir = context.claims.list().find((claim) => claim !== subjects.claim && claim.metadata.uid !== subjects.claim?.metadata.uid && namesAddress(claim, addressId));
  if (heir) {
    await announce(context, subjects, 'Normal', 'RetainedEIP', `not releasing ${addressId}: claim ${heir.metadata.namespace}/${heir.metadata.name} asks for it`);
    return;
  }
  await withFailureEvent(context, subjects, 'FailedReleaseEIP', () =>
    doneIfGone(() => context.addresses.changing(addressId, () => context.provider.release(addressId))),
  );
  context.addresses.forget(addressId);
  await announce(context, subjects, 'Normal', 'ReleasedEIP', `released ${addressId}`);
}

function namesAddress(claim: EIPClaim, addressId: string): boolean {
  return claim.spec?.addressId === addressId || claim.status?.addressId === addressId;
}
