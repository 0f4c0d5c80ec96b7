/**
 * The claim's finalizer (R4, R7, R8): unbind, release an owned address (a static one is only
 * unbound; which it is, status.ownership says), then let the claim go. With owner references (R8) it waits while the address points at
 * a live pod of the claim's name, so a cascade never frees an address in use.
 */
import type { ReconcileResult } from '../controller/keyed-controller.js';
import { type EIPClaim, FINALIZER } from '../k8s/eipclaim.js';
import { isTerminal, type PodView } from '../k8s/pod-view.js';
import { CLAIM_UID_TAG, CLUSTER_TAG } from './address-book.js';
import type { ClaimWriter } from './claim-writer.js';
import type { LifecycleContext } from './context.js';
import { ownershipOf, releaseAddress } from './ownership.js';
import { withdrawPodOutputs } from './pod-outputs.js';
import type { PollDelays } from './poll-delays.js';
import { unbind } from './unbinding.js';

export class Finalizer {
  constructor(
    private readonly context: LifecycleContext,
    private readonly writer: ClaimWriter,
    private readonly polls: PollDelays,
  ) {}

  async finalize(key: string, claim: EIPClaim, pod: PodView | undefined): Promise<ReconcileResult> {
    if (!(claim.metadata.finalizers ?? []).includes(FINALIZER)) return {};
    if (await this.waitsForPod(claim, pod)) return {};
    const releasing = await this.markReleasing(claim);
    const subjects = { claim: releasing, pod: pod && !isTerminal(pod) ? pod : undefined };
    const { outcome, address } = await unbind(this.context, releasing, subjects);
    if (outcome === 'waiting') return { requeueAfterMs: this.polls.next(key) };
    this.polls.settled(key);
    const recorded = address && address.state !== 'Releasing' ? address.id : undefined;
    if (recorded) await ownershipOf(claim).relinquish(this.context, recorded, subjects);
    for (const id of await this.untrackedAddressIds(releasing)) await releaseAddress(this.context, id, subjects);
    if (subjects.pod) await this.withdrawFrom(subjects.pod, claim);
    await this.writer.removeFinalizer(releasing);
    this.context.claims.forget(key);
    // The address is free only now that no claim holds it: the pool may hand it to a waiting claim.
    if (claim.status?.pool) this.context.wakePool(claim.status.pool);
    return {};
  }

  /**
   * A live pod loses what said it had an address. Its output annotations go too when it no longer
   * asks for one; a pod that still asks (R7) keeps them until its new claim's address replaces them,
   * so that the new claim can say which address it replaces.
   */
  private async withdrawFrom(pod: PodView, claim: EIPClaim): Promise<void> {
    const stillAsks = this.context.dialect.parse(pod).kind !== 'none';
    await withdrawPodOutputs(this.context, pod, 'Released', `the claim ended; ${claim.status?.addressId ?? 'its address'} is no longer the pod's`, !stillAsks);
  }

  /** Once: a refusal the claim reports meanwhile (ReleaseFailed) is not overwritten on every pass. */
  private async markReleasing(claim: EIPClaim): Promise<EIPClaim> {
    if (claim.status?.phase === 'Releasing') return claim;
    return this.writer.updateStatus(claim, { phase: 'Releasing' }, [{ type: 'Ready', status: 'False', reason: 'Releasing', message: 'the claim is being deleted' }]);
  }

  /**
   * R8: a cascade waits while the address points at a live pod of the claim's name. A pod re-created
   * under that name after the claim's pod went (a StatefulSet with policy Delete) that the address
   * never reached is another pod: it waits for this claim to end so it can get its own.
   */
  private async waitsForPod(claim: EIPClaim, pod: PodView | undefined): Promise<boolean> {
    if ((claim.metadata.ownerReferences ?? []).length === 0 || !pod || isTerminal(pod)) return false;
    const addressId = claim.status?.addressId;
    if (!addressId || !pod.podIP) return false;
    const address = await this.context.addresses.refresh(addressId);
    return address?.target?.privateIp === pod.podIP;
  }

  /** Addresses tagged with this claim that it never recorded (a crash between allocation and the status write). */
  private async untrackedAddressIds(claim: EIPClaim): Promise<string[]> {
    if (claim.status?.addressId) return [];
    const { clusterId } = this.context.settings;
    const tagged = await this.context.provider.describeByTags({ [CLUSTER_TAG]: clusterId, [CLAIM_UID_TAG]: claim.metadata.uid });
    return tagged.filter((address) => address.state === 'Available').map((address) => address.id);
  }
}
