/**
 * The simulated kubelets of all simulated nodes: a pod bound to one of them gets a private IP on
 * the node's ENI from the shared PodNetwork and is reported Running through pods/status; a pod
 * being deleted terminates after its (capped) grace period, frees its IP and is removed.
 */
import type { CoreV1Api, V1Pod, V1PodStatus } from '@kubernetes/client-node';
import { NodeFullError, type PodIpAssignment, type PodNetwork } from '../network/pod-network.js';
import { parseGoDuration } from '../../src/util/duration.js';
import { subscribeToClockJumps, type Clock } from '../../src/clock/clock.js';
import { enqueueOnChange } from './enqueue.js';
import type { ClusterInformers } from './informers.js';
import { QueuedController, writeStatusIfChanged, type ReconcileResult } from './reconcile-queue.js';
import { creatingStatus, exitedStatus, runningStatus, type ExitPhase } from './pod-status.js';
import { hasExited, isTerminating } from './pod-state.js';
import { ignoringAlreadyDone, objectKey, splitKey } from './wire.js';

/** Test knobs: a pod with these annotations ends in the given phase this long after it started. */
export const EXIT_AFTER_ANNOTATION = 'sim.podeip.io/exit-after';
export const EXIT_PHASE_ANNOTATION = 'sim.podeip.io/exit-phase';

const RETRY_WHEN_NODE_FULL_MS = 1000;
const DEFAULT_GRACE_SECONDS = 30;

export interface KubeletOptions {
  terminationCapSeconds: number;
  startupDelayMs: number;
}

interface HeldIp {
  uid: string;
  assignment: PodIpAssignment;
}

export class Kubelets extends QueuedController {
  private readonly unsubscribeClock: () => void;
  private readonly heldIps = new Map<string, HeldIp>();
  /** Per pod uid: when this kubelet first saw it, and when its termination grace period ends. */
  private readonly firstSeenMs = new Map<string, number>();
  private readonly terminationDeadlineMs = new Map<string, number>();

  constructor(
    private readonly informers: ClusterInformers,
    private readonly core: CoreV1Api,
    private readonly network: PodNetwork,
    private readonly nodeNames: ReadonlySet<string>,
    private readonly clock: Clock,
    private readonly options: KubeletOptions,
  ) {
    super();
    enqueueOnChange(informers.pods, this.queue, (pod) => (this.concerns(pod) ? objectKey(pod) : undefined));
    informers.pods.on('delete', (pod) => this.forget(pod.metadata!.uid!));
    this.unsubscribeClock = subscribeToClockJumps(clock, () => this.recheckDeadlines());
  }

  async stop(): Promise<void> {
    this.unsubscribeClock();
    await super.stop();
  }

  /** A test clock jumped: grace periods, startup delays and exits may be due now. */
  private recheckDeadlines(): void {
    for (const pod of this.informers.pods.list()) if (this.concerns(pod)) this.queue.add(objectKey(pod));
  }

  private concerns(pod: V1Pod): boolean {
    return this.nodeNames.has(pod.spec?.nodeName ?? '') || this.heldIps.has(objectKey(pod));
  }

  protected async sync(key: string): Promise<ReconcileResult> {
    const { namespace, name } = splitKey(key);
    const pod = this.informers.pods.get(name, namespace);
    if (this.heldIps.get(key)?.uid !== pod?.metadata?.uid) this.releaseIp(key);
    if (!pod || !this.nodeNames.has(pod.spec?.nodeName ?? '')) return undefined;
    if (isTerminating(pod)) return this.terminate(key, pod);
    if (hasExited(pod)) return this.releaseIp(key);
    return this.run(key, pod);
  }

  private async run(key: string, pod: V1Pod): Promise<ReconcileResult> {
    const now = this.now();
    const startupLeftMs = this.startupLeftMs(pod, now);
    const held = startupLeftMs > 0 ? undefined : this.heldIps.get(key) ?? this.assignIp(key, pod);
    if (!held) {
      await this.writeStatus(pod, creatingStatus(pod, this.network.node(pod.spec!.nodeName!)!.hostIp, new Date(now)));
      return { requeueAfterMs: startupLeftMs > 0 ? startupLeftMs : RETRY_WHEN_NODE_FULL_MS };
    }
    const exit = plannedExit(pod);
    const exitLeftMs = exit ? exit.afterMs - (now - startedAtMs(pod, now)) : Infinity;
    if (exit && exitLeftMs <= 0) {
      await this.writeStatus(pod, exitedStatus(pod, exit.phase, new Date(now)));
      return this.releaseIp(key);
    }
    const address = { hostIp: held.assignment.hostIp, podIp: held.assignment.privateIp };
    await this.writeStatus(pod, runningStatus(pod, address, new Date(now)));
    return Number.isFinite(exitLeftMs) ? { requeueAfterMs: exitLeftMs } : undefined;
  }

  private async terminate(key: string, pod: V1Pod): Promise<ReconcileResult> {
    const uid = pod.metadata!.uid!;
    const now = this.now();
    if (!this.terminationDeadlineMs.has(uid)) {
      const graceSeconds = Math.min(pod.metadata?.deletionGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS, this.options.terminationCapSeconds);
      this.terminationDeadlineMs.set(uid, now + graceSeconds * 1000);
    }
    const leftMs = this.terminationDeadlineMs.get(uid)! - now;
    if (leftMs > 0) return { requeueAfterMs: leftMs };
    this.releaseIp(key);
    const { namespace, name } = splitKey(key);
    await ignoringAlreadyDone(
      () => this.core.deleteNamespacedPod({ name, namespace, gracePeriodSeconds: 0, body: { gracePeriodSeconds: 0, preconditions: { uid } } }),
      404,
      409,
    );
    return undefined;
  }

  private startupLeftMs(pod: V1Pod, now: number): number {
    const uid = pod.metadata!.uid!;
    if (!this.firstSeenMs.has(uid)) this.firstSeenMs.set(uid, now);
    return this.firstSeenMs.get(uid)! + this.options.startupDelayMs - now;
  }

  private assignIp(key: string, pod: V1Pod): HeldIp | undefined {
    try {
      const held = { uid: pod.metadata!.uid!, assignment: this.network.assignPodIp(pod.spec!.nodeName!) };
      this.heldIps.set(key, held);
      return held;
    } catch (error) {
      if (error instanceof NodeFullError) return undefined;
      throw error;
    }
  }

  private releaseIp(key: string): undefined {
    const held = this.heldIps.get(key);
    if (!held) return undefined;
    this.network.releasePodIp(held.assignment.privateIp);
    this.heldIps.delete(key);
    return undefined;
  }

  private writeStatus(pod: V1Pod, status: V1PodStatus): Promise<void> {
    return writeStatusIfChanged(pod, status, (request) => this.core.replaceNamespacedPodStatus(request));
  }

  private forget(uid: string): void {
    this.firstSeenMs.delete(uid);
    this.terminationDeadlineMs.delete(uid);
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}

function plannedExit(pod: V1Pod): { afterMs: number; phase: ExitPhase } | undefined {
  const annotations = pod.metadata?.annotations ?? {};
  const afterMs = parseGoDuration(annotations[EXIT_AFTER_ANNOTATION] ?? '');
  if (afterMs === undefined) return undefined;
  return { afterMs, phase: annotations[EXIT_PHASE_ANNOTATION] === 'Failed' ? 'Failed' : 'Succeeded' };
}

function startedAtMs(pod: V1Pod, now: number): number {
  const startTime = pod.status?.startTime;
  return startTime ? new Date(startTime).getTime() : now;
}
