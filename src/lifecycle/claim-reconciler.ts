/**
 * The level-triggered reconciler for one key `namespace/name`: the pod and the claim of that name,
 * both read from the informer caches. Dispatches to claim creation (R1), binding (R2/R3/R9–R11),
 * retention and expiry (R4–R6) and the finalizer (R4/R7/R8).
 */
import type { Logger } from 'pino';
import type { ClaimRequest, InvalidRequest, OwnedAddressRequest, StaticAddressRequest } from '../annotations/claim-request.js';
import type { ReconcileResult } from '../controller/keyed-controller.js';
import type { EIPClaim } from '../k8s/eipclaim.js';
import { isTerminal, type PodView } from '../k8s/pod-view.js';
import { CloudError } from '../providers/cloud-error.js';
import { announce } from './announce.js';
import { Binder } from './binding.js';
import { createClaim, specFor } from './claim-creation.js';
import { ClaimWriter } from './claim-writer.js';
import type { LifecycleContext } from './context.js';
import { CreationTimes } from './creation-times.js';
import { Finalizer } from './finalization.js';
import { PollDelays } from './poll-delays.js';
import { Rejections } from './rejections.js';
import { Retention } from './retention.js';

const REJECTED_RETRY_MS = 300_000;

type ValidRequest = OwnedAddressRequest | StaticAddressRequest;

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
    this.polls = new PollDelays(context.settings.pollIntervalMs, context.settings.maxPollIntervalMs);
    this.binder = new Binder(context, this.writer, this.polls, this.creationTimes);
    this.retention = new Retention(context, this.writer, this.polls);
    this.finalizer = new Finalizer(context, this.writer, this.polls);
    this.rejections = new Rejections(REJECTED_RETRY_MS, context.clock);
  }

  readonly reconcile = async (key: string, logger: Logger): Promise<ReconcileResult> => {
    try {
      return await this.reconcilePair(key, this.context.pods.get(key), this.context.claims.get(key));
    } catch (error) {
      return this.onCloudError(key, error, logger);
    }
  };

  private async reconcilePair(key: string, pod: PodView | undefined, claim: EIPClaim | undefined): Promise<ReconcileResult> {
    if (claim?.metadata.deletionTimestamp) {
      this.creationTimes.forget(claim);
      return this.finalizer.finalize(key, claim, pod);
    }
    const request: ClaimRequest = pod && !isTerminal(pod) ? this.context.dialect.parse(pod) : { kind: 'none' };
    if (request.kind === 'invalid') return this.rejectRequest(pod!, claim, request);
    if (!claim) {
      if (pod && !pod.deleting && request.kind !== 'none') await this.createClaim(pod, request, key);
      return {};
    }
    const current = await this.writer.ensureFinalizer(claim);
    if (!pod || request.kind === 'none') return this.retention.podGone(key, current);
    if (pod.deleting) return {};
    const held = this.rejections.remaining(key, fingerprintOf(current, pod));
    if (held !== undefined) return { requeueAfterMs: held };
    return this.binder.ensureBound(key, await this.syncSpec(current, pod, request, key), pod);
  }

  private async createClaim(pod: PodView, request: ValidRequest, key: string): Promise<void> {
    const startedMs = this.context.clock.now().getTime();
    this.creationTimes.record(await createClaim(this.context, pod, request, key), startedMs);
  }

  /** Bad input: no cloud call, nothing released; a Warning on the pod and the claim's Ready condition (once per problem while a claim records it). */
  private async rejectRequest(pod: PodView, claim: EIPClaim | undefined, request: InvalidRequest): Promise<ReconcileResult> {
    const message = `annotation ${request.annotation} ${request.problem}`;
    const ready = claim?.status?.conditions?.find((condition) => condition.type === 'Ready');
    if (ready?.reason === 'InvalidRequest' && ready.message === message) return {};
    await announce(this.context, { pod }, 'Warning', 'InvalidEIPRequest', message);
    if (claim) await this.writer.updateStatus(claim, {}, [{ type: 'Ready', status: 'False', reason: 'InvalidRequest', message }]);
    return {};
  }

  /** The pod's annotations are the source of the claim's spec: policy changes apply; a static entry is picked once. */
  private async syncSpec(claim: EIPClaim, pod: PodView, request: ValidRequest, key: string): Promise<EIPClaim> {
    const wanted = specFor(this.context, request, pod, key);
    const patch: Record<string, unknown> = {};
    if (wanted.deletePolicy !== claim.spec.deletePolicy) patch.deletePolicy = wanted.deletePolicy;
    if (wanted.expireAfter !== claim.spec.expireAfter) patch.expireAfter = wanted.expireAfter ?? null;
    if (request.kind === 'static' && !claim.status?.addressId && wanted.addressId !== claim.spec.addressId) patch.addressId = wanted.addressId ?? null;
    if (Object.keys(patch).length === 0) return claim;
    return this.writer.patchSpecAndMeta(claim, { spec: patch });
  }

  private async onCloudError(key: string, error: unknown, logger: Logger): Promise<ReconcileResult> {
    if (!(error instanceof CloudError)) throw error;
    logger.info({ action: error.action, code: error.code, requestId: error.requestId, kind: error.kind }, 'cloud call failed');
    if (error.kind === 'conflict' || error.kind === 'not-found') return { requeueAfterMs: this.polls.next(key) };
    if (error.retryable) throw error;
    const claim = this.context.claims.get(key);
    const pod = this.context.pods.get(key);
    if (claim && pod) this.rejections.record(key, fingerprintOf(claim, pod));
    if (claim && !claim.metadata.deletionTimestamp) {
      await this.writer.updateStatus(claim, {}, [{ type: 'Ready', status: 'False', reason: 'CloudRequestRejected', message: error.describe() }]);
    }
    return { requeueAfterMs: REJECTED_RETRY_MS };
  }
}

/** What the user asked for: a change to it is worth another try at once. */
function fingerprintOf(claim: EIPClaim, pod: PodView): string {
  return JSON.stringify([claim.spec, pod.annotations, pod.podIP ?? '']);
}
