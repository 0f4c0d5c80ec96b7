/** What every benchmark phase works with, and the measured window each one runs in. */
import type { V1Pod } from '@kubernetes/client-node';
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import type { BenchProvider } from './bench-providers.js';
import { CONTROLLER_USER, type BenchWorld } from './bench-world.js';
import { callsBetween, requestsOf, type CallTally } from './call-counts.js';
import type { ObjectTimeline } from './object-timeline.js';

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
