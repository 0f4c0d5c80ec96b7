/**
 * R4–R6 for a claim whose pod is gone (deleted, or finished): policy Delete ends the claim (its
 * finalizer releases); Never or a duration keeps it Retained with the address unbound, until an
 * expiry passes.
 */
import type { ReconcileResult } from '../controller/keyed-controller.js';
import type { EIPClaim } from '../k8s/eipclaim.js';
import { formatDuration } from '../util/duration.js';
import { announce } from './announce.js';
import type { ClaimWriter } from './claim-writer.js';
import type { LifecycleContext } from './context.js';
import type { PollDelays } from './poll-delays.js';
import { checkExpiry, expiresAtFor, expiryOf } from './expiry.js';
import { unbind } from './unbinding.js';

export class Retention {
  constructor(
    private readonly context: LifecycleContext,
    private readonly writer: ClaimWriter,
    private readonly polls: PollDelays,
  ) {}

  async podGone(key: string, claim: EIPClaim): Promise<ReconcileResult> {
    const spec = claim.spec ?? { deletePolicy: 'Delete' };
    const expiryMs = expiryOf(spec, this.context.settings.claimExpiredMs);
    if (spec.deletePolicy === 'Delete' && expiryMs === undefined) {
      await this.writer.delete(claim);
      return {};
    }
    const { outcome } = await unbind(this.context, claim, { claim });
    if (outcome === 'waiting') return { requeueAfterMs: this.polls.next(key) };
    this.polls.settled(key);
    const retained = await this.markRetained(claim, expiryMs);
    return this.expireWhenDue(retained);
  }

  /**
   * The claim forgets where the address pointed (R5): a later pod of the name may get an IP that
   * someone else's address is now bound to, and must not take that address over as podeip's own.
   */
  private async markRetained(claim: EIPClaim, expiryMs: number | undefined): Promise<EIPClaim> {
    const status = claim.status ?? {};
    if (status.phase === 'Retained') return this.redateExpiry(claim, expiryMs);
    const podGoneAt = status.podGoneAt ?? this.context.clock.now().toISOString();
    const expiresAt = expiresAtFor(podGoneAt, expiryMs);
    const forgotten = { podUID: null, privateIP: null, networkInterfaceId: null };
    const retained = await this.writer.updateStatus(claim, { phase: 'Retained', podGoneAt, expiresAt, ...forgotten }, [
      { type: 'Bound', status: 'False', reason: 'PodGone', message: 'the pod is gone; the address is kept for the next pod of this name' },
      { type: 'Ready', status: 'False', reason: 'PodGone', message: 'waiting for a pod of this name' },
    ]);
    const until = expiresAt ? ` until ${expiresAt} (${formatDuration(expiryMs!)})` : '';
    const address = status.addressId ? `address ${status.addressId}` : 'the claim';
    await announce(this.context, { claim: retained }, 'Normal', 'RetainedEIP', `pod is gone; keeping ${address}${until}`);
    return retained;
  }

  /** R6 follows the current settings: a flag set, changed or removed since the pod went re-dates the expiry (or cancels it). */
  private async redateExpiry(claim: EIPClaim, expiryMs: number | undefined): Promise<EIPClaim> {
    const podGoneAt = claim.status?.podGoneAt;
    if (!podGoneAt) return claim;
    return this.writer.updateStatus(claim, { expiresAt: expiresAtFor(podGoneAt, expiryMs) });
  }

  private async expireWhenDue(claim: EIPClaim): Promise<ReconcileResult> {
    const check = checkExpiry(claim.status?.expiresAt, this.context.clock.now());
    if (!check.due) return check.sleepMs === undefined ? {} : { requeueAfterMs: check.sleepMs };
    await announce(this.context, { claim }, 'Normal', 'ExpiredEIP', `no pod of this name since ${claim.status?.podGoneAt}; releasing ${claim.status?.addressId ?? 'the claim'}`);
    await this.writer.delete(claim);
    return {};
  }
}
