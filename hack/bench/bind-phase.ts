/**
 * Bind throughput: a StatefulSet of N pods asking for addresses (by default kept owned ones), from
 * the apply until every claim is Bound and every pod shows its public IP.
 */
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { bindFloorSeconds } from './bench-providers.js';
import { perClaim, round, type CallTally } from './call-counts.js';
import { summarize, summarizeHistogram, type DurationSummary, type HistogramSummary } from './durations.js';
import { countEvery, measured, NAMESPACE, podsShowTheirAddresses, STATEFULSET, type PhaseContext } from './phase-context.js';

export interface BindResult {
  seconds: number;
  claimsPerSecond: number;
  floorSeconds: number;
  /** seconds / floorSeconds: 1.0 would be the cloud's documented write rate used to the full. */
  /** null when N fits in the bursts (floor 0). */
  ratioToFloor: number | null;
  /** From each claim's first sighting to its first sighting as Bound, watched by the benchmark. */
  observed: DurationSummary;
  /** The controller's podeip_bind_duration_seconds histogram. */
  controllerHistogram: HistogramSummary;
  /** Every call by action, throttled and other rejected ones included. */
  cloudCallsPerClaim: Record<string, number>;
  cloudCalls: CallTally;
  kubeRequestsPerClaim: Record<string, number>;
}

/** What the pods ask for, and the least time N such binds can take. */
export interface BindWorkload {
  podAnnotations: Record<string, string>;
  floorSeconds: number;
}

export function allocatingWorkload({ provider, pods }: PhaseContext): BindWorkload {
  return { podAnnotations: provider.podAnnotations, floorSeconds: bindFloorSeconds(provider, pods) };
}

export async function runBindPhase(context: PhaseContext, workload: BindWorkload = allocatingWorkload(context)): Promise<BindResult> {
  const { world, pods, timeoutMs } = context;
  context.progress(`bind: applying StatefulSet ${STATEFULSET} with ${pods} pods`);
  const stopCounting = countEvery(context, 'bound', () => context.claims.latest().filter(isBound).length);
  const window = await measured(context, async () => {
    await world.apps.createNamespacedStatefulSet({ namespace: NAMESPACE, body: statefulSet(pods, workload.podAnnotations) });
    await context.claims.until(`${pods} claims Bound`, (claims) => claims.size === pods && [...claims.values()].every(isBound), timeoutMs);
    await context.podTimeline.until(`${pods} pods showing their public IP`, podsShowTheirAddresses(context), timeoutMs);
  }).finally(stopCounting);
  const floor = workload.floorSeconds;
  return {
    seconds: round(window.seconds, 2),
    claimsPerSecond: round(pods / window.seconds, 2),
    floorSeconds: round(floor, 2),
    ratioToFloor: floor > 0 ? round(window.seconds / floor, 2) : null,
    observed: summarize(context.claims.latest().map((claim) => secondsUntilFirstBound(context, claim))),
    controllerHistogram: await summarizeHistogram(world.controller!.metrics.bindDuration),
    cloudCallsPerClaim: perClaim(window.cloud.byAction, pods),
    cloudCalls: window.cloud,
    kubeRequestsPerClaim: perClaim(window.kube, pods),
  };
}

export function isBound(claim: EIPClaim): boolean {
  return claim.status?.phase === 'Bound';
}

function secondsUntilFirstBound(context: PhaseContext, claim: EIPClaim): number {
  const sightings = context.claims.sightings(claim.metadata.name);
  const bound = sightings.find((sighting) => isBound(sighting.object));
  return ((bound?.atMs ?? Number.NaN) - sightings[0]!.atMs) / 1000;
}

function statefulSet(replicas: number, annotations: Record<string, string>) {
  const labels = { app: STATEFULSET };
  return {
    metadata: { name: STATEFULSET },
    spec: {
      replicas,
      serviceName: STATEFULSET,
      selector: { matchLabels: labels },
      template: { metadata: { labels, annotations }, spec: { containers: [{ name: 'app', image: 'busybox' }] } },
    },
  };
}
