/**
 * `podeip run --manage-ip-masq-agent` (SPEC §11, Tencent): a leader-only runnable that keeps
 * kube-system/ip-masq-agent-config's NonMasqueradeSrcCIDRs = the user's entries + one per Bound pod.
 * It looks at the claim cache a few times a second and passes over the ConfigMap when PassSchedule
 * says so: read, plan, write with the resourceVersion it read (a 409 means someone changed it in
 * between: read again and re-plan, so their edit is kept), then the pods' egress conditions.
 * A missing or unusable ConfigMap is logged and shown on the Bound pods' conditions, never created.
 */
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { isExpectedFailure } from '../controller/keyed-controller.js';
import type { EIPClaim } from '../k8s/eipclaim.js';
import type { Informer } from '../k8s/informer.js';
import type { Runnable } from '../manager/manager.js';
import { type BoundPodEntry, boundPodEntries, fingerprintOf } from './bound-pod-entries.js';
import { type EgressConditionWriter, type EgressState, settleEgressConditions, settleUnboundEgressConditions } from './egress-condition.js';
import { IP_MASQ_AGENT_CONFIGMAP, IP_MASQ_AGENT_NAMESPACE, type IpMasqAgentConfigMap, StaleConfigError } from './ip-masq-agent-configmap.js';
import { planSrcCidrs } from './non-masquerade-src-cidrs.js';
import { DEFAULT_PASS_TIMING, PassSchedule, type PassTiming } from './pass-schedule.js';

const CONFIGMAP = `${IP_MASQ_AGENT_NAMESPACE}/${IP_MASQ_AGENT_CONFIGMAP}`;
/** Refused writes in a row before a pass gives up until its retry. */
const MAX_STALE_WRITES = 5;

export interface IpMasqAgentSyncParts {
  configMap: IpMasqAgentConfigMap;
  claims: Informer<EIPClaim>;
  conditions: EgressConditionWriter;
  /** Settles once the caches hold their first lists. */
  synced: Promise<void>;
  logger: Logger;
  timing?: Partial<PassTiming>;
}

export class IpMasqAgentSync implements Runnable {
  readonly name = 'ip-masq-agent config';
  readonly needLeaderElection = true;
  private readonly timing: PassTiming;
  private schedule: PassSchedule;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private stopped = true;
  private reportedProblem: string | undefined;

  constructor(private readonly parts: IpMasqAgentSyncParts) {
    this.timing = { ...DEFAULT_PASS_TIMING, ...parts.timing };
    this.schedule = new PassSchedule(this.timing);
  }

  async start(): Promise<void> {
    await this.parts.synced;
    this.stopped = false;
    this.schedule = new PassSchedule(this.timing);
    this.checkAgain(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.checking;
  }

  private checkAgain(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.checking = this.check().finally(() => {
        this.checking = undefined;
        if (!this.stopped) this.checkAgain(Math.min(250, this.timing.quietMs));
      });
    }, delayMs);
  }

  private async check(): Promise<void> {
    const entries = boundPodEntries(this.parts.claims.list());
    const fingerprint = fingerprintOf(entries);
    if (this.stopped || !this.schedule.due(fingerprint, performance.now())) return;
    let inPlace = false;
    try {
      const state = await this.putEntriesInPlace(entries);
      this.report(state);
      await settleEgressConditions(this.parts.conditions, entries, state);
      inPlace = state.inPlace;
    } catch (error) {
      this.parts.logger[isExpectedFailure(error) ? 'debug' : 'warn']({ err: error }, `could not update ${CONFIGMAP}; trying again in ${this.timing.retryMs} ms`);
      await settleUnboundEgressConditions(this.parts.conditions, entries);
    } finally {
      this.schedule.passed(fingerprint, inPlace, performance.now());
    }
  }

  private async putEntriesInPlace(entries: BoundPodEntry[]): Promise<EgressState> {
    const wanted = entries.map((entry) => entry.cidr);
    for (let attempt = 0; attempt < MAX_STALE_WRITES; attempt++) {
      const config = await this.parts.configMap.read();
      if (!config) return { inPlace: false, reason: 'IpMasqAgentConfigMissing', message: `${CONFIGMAP} does not exist: podeip adds pod entries to it but never creates it` };
      const plan = planSrcCidrs(config.configText, config.tracked, wanted);
      if (plan.kind === 'unusable') return { inPlace: false, reason: 'IpMasqAgentConfigUnusable', message: `podeip leaves ${CONFIGMAP} alone: ${plan.problem}` };
      if (plan.kind === 'in-place') return { inPlace: true };
      try {
        await this.parts.configMap.write(config.resourceVersion, plan.configText, plan.tracked);
        return { inPlace: true };
      } catch (error) {
        if (!(error instanceof StaleConfigError)) throw error;
      }
    }
    throw new Error(`${CONFIGMAP} changed under each of ${MAX_STALE_WRITES} writes in a row`);
  }

  /** Logs a problem when it appears or changes, and once when it is gone. */
  private report(state: EgressState): void {
    if (state.inPlace) {
      if (this.reportedProblem) this.parts.logger.info(`${CONFIGMAP}: every Bound pod's entry is in place`);
      this.reportedProblem = undefined;
      return;
    }
    if (state.message === this.reportedProblem) return;
    this.parts.logger.warn({ reason: state.reason }, state.message);
    this.reportedProblem = state.message;
  }
}
