/** What every benchmark phase works with, the world it runs in, and the measured window each one runs in. */
import { performance } from 'node:perf_hooks';
import type { V1Pod } from '@kubernetes/client-node';
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { BENCH_PROVIDERS, bindFloorSeconds, type BenchProvider, type BenchProviderName } from './bench-providers.js';
import { CONTROLLER_USER, startBenchWorld, type BenchWorld } from './bench-world.js';
import { callsBetween, requestsOf, type CallTally } from './call-counts.js';
import { ObjectTimeline } from './object-timeline.js';

export const NAMESPACE = 'default';
export const STATEFULSET = 'bench';

export interface PhaseContext {
  world: BenchWorld;
  provider: BenchProvider;
  pods: number;
  /** Longest wait for one phase's condition. */
  timeoutMs: number;
  claims: ObjectTimeline<EIPClaim>;
  podTimeline: ObjectTimeline<V1Pod>;
  now: () => number;
  progress: (line: string) => void;
}

export interface WorldOptions {
  provider: BenchProviderName;
  /** `--provider` was given: a scenario that runs on both providers (burst) runs on this one only. */
  onlyProvider?: BenchProviderName;
  pods: number;
  /** Longest wait for one phase; default 3 × the rate-limit floor + 30 s, at least 60 s. */
  timeoutSeconds?: number;
}

/**
 * A fresh world (API server, workloads, emulator), the benchmark's watches and a running controller
 * for `body`; everything is torn down afterwards, whatever happened.
 */
export async function inBenchWorld(options: WorldOptions, progress: (line: string) => void, body: (context: PhaseContext) => Promise<void>): Promise<void> {
  const provider = BENCH_PROVIDERS[options.provider];
  const { pods } = options;
  progress(`starting API server, workload simulation, ${provider.name} emulator and controller (${pods} pods)`);
  const world = await startBenchWorld(provider, pods);
  const now = () => performance.now();
  const context: PhaseContext = {
    world,
    provider,
    pods,
    timeoutMs: (options.timeoutSeconds ?? Math.max(60, 3 * bindFloorSeconds(provider, pods) + 30)) * 1000,
    claims: new ObjectTimeline<EIPClaim>(world.kubeConfig, `/apis/podeip.io/v1alpha1/namespaces/${NAMESPACE}/eipclaims`, now),
    podTimeline: new ObjectTimeline<V1Pod>(world.kubeConfig, `/api/v1/namespaces/${NAMESPACE}/pods`, now),
    now,
    progress,
  };
  try {
    await Promise.all([context.claims.start(), context.podTimeline.start()]);
    await world.startController();
    await body(context);
  } finally {
    context.claims.stop();
    context.podTimeline.stop();
    await world.close();
  }
}

export interface MeasuredWindow {
  seconds: number;
  startedAtMs: number;
  cloud: CallTally;
  /** The controller's API requests by "verb resource[/subresource]". */
  kube: Record<string, number>;
}

/** Runs `body` between two snapshots of the cloud's call counts and the API server's request log. */
export async function measured(context: PhaseContext, body: () => Promise<void>): Promise<MeasuredWindow> {
  const { cloud, apiServer } = context.world;
  const before = cloud.admin.calls();
  apiServer.hooks.clearRequestLog();
  const startedAtMs = context.now();
  await body();
  const seconds = (context.now() - startedAtMs) / 1000;
  return { seconds, startedAtMs, cloud: callsBetween(before, cloud.admin.calls()), kube: requestsOf(CONTROLLER_USER, apiServer.hooks.requestLog()) };
}

/** Prints "what: n/N" every few seconds while a phase waits. */
export function countEvery(context: PhaseContext, what: string, count: () => number, intervalMs = 5_000): () => void {
  const timer = setInterval(() => context.progress(`  ${what}: ${count()}/${context.pods}`), intervalMs);
  return () => clearInterval(timer);
}

/**
 * Every pod of the StatefulSet is the one its Bound claim names and shows that claim's public IP.
 * Evaluated on pod events only, so wait for the claims first.
 */
export function podsShowTheirAddresses(context: PhaseContext) {
  return (pods: Map<string, V1Pod>): boolean => {
    if (pods.size !== context.pods) return false;
    const claims = new Map(context.claims.latest().map((claim) => [claim.metadata.name, claim]));
    return [...pods.values()].every((pod) => {
      const claim = claims.get(pod.metadata?.name ?? '');
      const shown = pod.metadata?.annotations?.['podeip.io/public-ip'];
      return claim?.status?.phase === 'Bound' && claim.status.podUID === pod.metadata?.uid && shown === claim.status.publicIP;
    });
  };
}
