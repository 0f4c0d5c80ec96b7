/**
 * The level-triggered reconciler for one key `namespace/name`: the pod and the claim of that name,
 * both read from the informer caches. Dispatches to claim creation (R1), binding (R2/R3/R9–R11),
 * retention and expiry (R4–R6) and the finalizer (R4/R7/R8).
 */
import type { Logger } from 'pino';
import type { ClaimRequest, InvalidRequest, ValidRequest } from '../annotations/claim-request.js';
import type { ReconcileResult } from '../controller/keyed-controller.js';
import type { EIPClaim } from '../k8s/eipclaim.js';
import { EIP_BOUND_CONDITION, isTerminal, type PodView } from '../k8s/pod-view.js';
import { CloudError } from '../providers/cloud-error.js';
import mergePatch from 'json-merge-patch';
import { withdrawPodOutputs } from './pod-outputs.js';
import { announce } from './announce.js';
import { Binder } from './binding.js';
import { createClaim, specFor } from './claim-creation.js';
import { ClaimWriter } from './claim-writer.js';
import { refusalReasonOf, retryReasonOf } from './cloud-failure-reasons.js';
import type { LifecycleContext } from './context.js';
import { CreationTimes } from './creation-times.js';
import { Finalizer } from './finalization.js';
import { PollDelays } from './poll-delays.js';
import { Rejections } from './rejections.js';
import { Retention } from './retention.js';

export class ClaimReconciler {
  private readonly writer: ClaimWriter;
  private readonly binder: Binder;
  private readonly retention: Retention;
  private readonly finalizer: Finalizer;
  private readonly polls: PollDelays;
  private readonly rejections: Rejections;
  private readonly creationTimes = new CreationTimes();

  constructor(private readonly context: LifecycleContext) {
    this.writer = new ClaimWriter(context);
    this.polls = new PollDelays(context.settings.retry.polls, context.provider.expectedStep);
    this.binder = new Binder(context, this.writer, this.polls, this.creationTimes);
    this.retention = new Retention(context, this.writer, this.polls);
    this.finalizer = new Finalizer(context, this.writer, this.polls);
    this.rejections = new Rejections(context.clock);
  }

  readonly reconcile = async (key: string, logger: Logger): Promise<ReconcileResult> => {
    try {
      return await this.reconcilePair(key, this.context.pods.get(key), this.context.claims.get(key));
    } catch (error) {
      return this.onCloudError(key, error, logger);
    }
  };

  private async reconcilePair(key: string, pod: PodView | undefined, claim: EIPClaim | undefined): Promise<ReconcileResult> {
    const held = claim && this.rejections.remaining(key, this.fingerprintOf(claim, pod));
    if (held !== undefined) return { requeueAfterMs: held };
    if (claim?.metadata.deletionTimestamp) {
      this.creationTimes.forget(claim);
      return this.finalizer.finalize(key, claim, pod);
    }
    const request: ClaimRequest = pod && !isTerminal(pod) ? this.context.dialect.parse(pod) : { kind: 'none' };
    if (!claim) {
      if (!pod || pod.deleting || request.kind === 'none') return this.forget(key);
      const created = await this.createClaim(pod, request, key);
      return request.kind === 'invalid' ? this.rejectRequest(pod, created, request) : {};
    }
    if (request.kind === 'invalid') return this.rejectRequest(pod!, claim, request);
    const current = await this.writer.ensureFinalizer(claim);
    if (!pod || request.kind === 'none') {
      this.binder.forget(key);
      return this.retention.podGone(key, current);
    }
    if (pod.deleting) return {};
    return this.binder.ensureBound(key, await this.syncSpec(current, pod, request, key), pod, request);
  }

  /** R1; a pod whose request is bad input gets its claim too, so that `kubectl get eipc` shows the problem (SPEC §3.4). */
  private async createClaim(pod: PodView, request: ValidRequest | InvalidRequest, key: string): Promise<EIPClaim> {
    const startedMs = this.context.clock.now().getTime();
    const created = await createClaim(this.context, pod, request, key);
    this.creationTimes.record(created, startedMs);
    if (request.kind === 'invalid') return created;
    return this.writer.updateStatus(created, { phase: 'Pending' }, [{ type: 'Ready', status: 'False', reason: 'Pending', message: 'obtaining an address' }]);
  }

  /** Bad input: no cloud call, nothing released; a Warning on the pod, and the claim's and the pod's Ready conditions say why. */
  private async rejectRequest(pod: PodView, claim: EIPClaim, request: InvalidRequest): Promise<ReconcileResult> {
    const message = `annotation ${request.annotation} ${request.problem}`;
    const ready = claim.status?.conditions?.find((condition) => condition.type === 'Ready');
    if (ready?.reason === 'InvalidRequest' && ready.message === message && claim.status?.phase) return {};
    await announce(this.context, { pod }, 'Warning', 'InvalidEIPRequest', message);
    // A typo must not take a working server out of service: an EIP that works keeps its readiness gate.
    if (pod.ownConditions[EIP_BOUND_CONDITION] !== 'True') await withdrawPodOutputs(this.context, pod, 'InvalidRequest', message, false);
    await this.writer.updateStatus(claim, { phase: claim.status?.phase ?? 'Pending' }, [{ type: 'Ready', status: 'False', reason: 'InvalidRequest', message }]);
    return {};
  }

  /** The pod's annotations are the source of the claim's spec: policy changes apply, and so does a switch between owned and static. */
  private async syncSpec(claim: EIPClaim, pod: PodView, request: ValidRequest, key: string): Promise<EIPClaim> {
    const patch = mergePatch.generate(claim.spec ?? {}, specFor(this.context, request, pod, key, claim));
    if (patch === undefined) return claim;
    return this.writer.patchSpecAndMeta(claim, { spec: patch });
  }

  /** Neither a pod that asks nor a claim: nothing is kept for the key. */
  private forget(key: string): ReconcileResult {
    this.polls.settled(key);
    this.rejections.forget(key);
    this.binder.forget(key);
    return {};
  }

  /**
   * What the key's state asks for, as podeip reads it: a change to it (not to another controller's
   * annotations, nor podeip's own status writes) is worth another try at once.
   */
  private fingerprintOf(claim: EIPClaim, pod: PodView | undefined): string {
    const claimSide = [claim.metadata.deletionTimestamp ?? '', claim.status?.addressId ?? '', claim.spec ?? null];
    const podSide = pod ? [pod.uid, this.context.dialect.inputsOf(pod), pod.podIP ?? ''] : null;
    return JSON.stringify([claimSide, podSide]);
  }

  private async onCloudError(key: string, error: unknown, logger: Logger): Promise<ReconcileResult> {
    if (!(error instanceof CloudError)) throw error;
    logger.info({ action: error.action, code: error.code, requestId: error.requestId, kind: error.kind }, 'cloud call failed');
    await this.reportRetrying(key, error);
    if (error.kind === 'conflict' || error.kind === 'not-found') return { requeueAfterMs: this.polls.next(key) };
    const holdMs = this.context.settings.retry.refusalHoldsMs[error.kind];
    if (holdMs === undefined) throw error;
    const claim = this.context.claims.get(key);
    if (!claim) return { requeueAfterMs: holdMs };
    this.rejections.record(key, this.fingerprintOf(claim, this.context.pods.get(key)), holdMs);
    await this.reportRefusal(claim, error, logger);
    return { requeueAfterMs: holdMs };
  }

  /** A refusal a person must act on (no permission, no quota, a request the cloud will not take) shows on the claim; a refused release also in the log. */
  private async reportRefusal(claim: EIPClaim, error: CloudError, logger: Logger): Promise<void> {
    const releasing = claim.metadata.deletionTimestamp !== undefined;
    if (releasing) logger.warn({ action: error.action, code: error.code, requestId: error.requestId, addressId: claim.status?.addressId }, 'the cloud refused to release the address; the claim keeps its finalizer');
    const reason = releasing ? 'ReleaseFailed' : refusalReasonOf(error.kind);
    await this.writer.updateStatus(claim, { phase: claim.status?.phase ?? 'Pending' }, [{ type: 'Ready', status: 'False', reason, message: error.summary() }]);
  }

  /**
   * A bind the cloud keeps answering busy or unavailable shows the cloud's reason instead of a bare
   * "obtaining an address"; written only when it changes, and replaced once Bound. A Bound or deleting
   * claim keeps its own reason.
   */
  private async reportRetrying(key: string, error: CloudError): Promise<void> {
    const reason = retryReasonOf(error.kind);
    const claim = this.context.claims.get(key);
    if (!reason || !claim || claim.metadata.deletionTimestamp || claim.status?.phase === 'Bound') return;
    await this.writer.updateStatus(claim, {}, [{ type: 'Ready', status: 'False', reason, message: error.summary() }]);
  }
}
