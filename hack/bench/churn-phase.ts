/**
 * Churn: every pod deleted at once; the StatefulSet re-creates them under the same names and each
 * kept claim must bind its same address to the new pod, without allocating anything.
 */
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { rebindFloorSeconds, associateRefillSeconds } from './bench-providers.js';
import { perClaim, round, type CallTally } from './call-counts.js';
import { summarize, type DurationSummary } from './durations.js';
import { isBound } from './bind-phase.js';
import { countEvery, measured, NAMESPACE, podsShowTheirAddresses, STATEFULSET, type PhaseContext } from './phase-context.js';

export interface ChurnResult {
  /** Waited after bind so the associate burst is full again (not part of `seconds`). */
  quietSecondsBefore: number;
  seconds: number;
  /** N / the documented rate of the slower of disassociate and associate. */
  floorSeconds: number;
  /** null when N fits in the bursts (floor 0). */
  ratioToFloor: number | null;
  /** From the delete until each claim was first seen Bound to its new pod. */
  observed: DurationSummary;
  newAllocations: number;
  /** Claims whose address changed (must be 0). */
  changedAddresses: number;
  /** Every call by action, throttled and other rejected ones included. */
  cloudCallsPerClaim: Record<string, number>;
  cloudCalls: CallTally;
  kubeRequestsPerClaim: Record<string, number>;
}

interface Before {
  podUid: string | undefined;
  addressId: string | undefined;
}

export async function runChurnPhase(context: PhaseContext): Promise<ChurnResult> {
  const { world, pods, provider, timeoutMs } = context;
  const before = new Map<string, Before>(context.claims.latest().map((claim) => [claim.metadata.name, { podUid: claim.status?.podUID, addressId: claim.status?.addressId }]));
  const reboundNow = (claim: EIPClaim) => isBound(claim) && claim.status?.podUID !== before.get(claim.metadata.name)?.podUid;
  // The floor assumes a full associate burst, which bind has just spent: churn starts after a quiet period, as in production.
  const quiet = associateRefillSeconds(provider, pods);
  context.progress(`churn: waiting ${quiet} s for the associate burst to refill`);
  await new Promise((resolve) => setTimeout(resolve, quiet * 1000));
  context.progress(`churn: deleting all ${pods} pods`);
  const stopCounting = countEvery(context, 're-bound', () => context.claims.latest().filter(reboundNow).length);
  const window = await measured(context, async () => {
    await world.core.deleteCollectionNamespacedPod({ namespace: NAMESPACE, labelSelector: `app=${STATEFULSET}` });
    await context.claims.until(`${pods} claims Bound to new pods`, (claims) => claims.size === pods && [...claims.values()].every(reboundNow), timeoutMs);
    await context.podTimeline.until(`${pods} new pods showing their public IP`, podsShowTheirAddresses(context), timeoutMs);
  }).finally(stopCounting);
  const claims = context.claims.latest();
  const reboundAfter = (claim: EIPClaim) => {
    const rebound = context.claims.sightings(claim.metadata.name).find((sighting) => sighting.atMs >= window.startedAtMs && reboundNow(sighting.object));
    return ((rebound?.atMs ?? Number.NaN) - window.startedAtMs) / 1000;
  };
  const floor = rebindFloorSeconds(provider, pods);
  return {
    quietSecondsBefore: quiet,
    seconds: round(window.seconds, 2),
    floorSeconds: round(floor, 2),
    ratioToFloor: floor > 0 ? round(window.seconds / floor, 2) : null,
    observed: summarize(claims.map(reboundAfter)),
    newAllocations: window.cloud.byAction[provider.allocateAction] ?? 0,
    changedAddresses: claims.filter((claim) => claim.status?.addressId !== before.get(claim.metadata.name)?.addressId).length,
    cloudCallsPerClaim: perClaim(window.cloud.byAction, pods),
    cloudCalls: window.cloud,
    kubeRequestsPerClaim: perClaim(window.kube, pods),
  };
}
