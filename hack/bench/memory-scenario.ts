/**
 * `--scenario memory`: what `podeip run` holds with a large cluster cached. Resident memory is read
 * from /proc while the first list runs (peak: the highest VmRSS/VmHWM) and again once every claim is
 * settled and the process has idled a while (steady), with V8's heap from podeip's /metrics.
 */
import { type ControllerChild, type ScaleWorld } from './scale-world.js';
import { cachesSynced, claimsSettled, metricSum } from './controller-readiness.js';
import { CONTROLLER_USER } from './bench-world.js';
import { callsBetween, requestsOf, round } from './call-counts.js';
import { bytesToMiB, memoryOf, watchMemory } from './process-usage.js';

export interface MemoryResult {
  /** Seconds from spawn until the caches were synced (/readyz 200). */
  syncSeconds: number;
  /** Seconds from spawn until every claim was Bound in podeip's view and its queue was empty. */
  settleSeconds: number;
  rssAtSyncMiB: number;
  /** The highest resident memory of the process's whole life (VmHWM). */
  peakRssMiB: number;
  /** Resident memory `steadySeconds` after settling. */
  steadyRssMiB: number;
  steadySeconds: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  /** What podeip asked of the cloud and the API server from spawn to settled (a settled cluster needs no writes). */
  startup: { cloudCalls: Record<string, number>; kubeRequests: Record<string, number> };
}

export interface MemoryGoals {
  steadyRssMiB: number;
  peakRssMiB: number;
}

/** Issue 10: with 50,000 pods and 10,000 claims. */
export const MEMORY_GOALS: MemoryGoals = { steadyRssMiB: 200, peakRssMiB: 300 };

export async function runMemoryScenario(world: ScaleWorld, claims: number, steadySeconds: number, timeoutMs: number): Promise<MemoryResult> {
  const startedAt = performance.now();
  const seconds = () => round((performance.now() - startedAt) / 1000, 2);
  const callsBefore = world.cloud.admin.calls();
  world.apiServer.hooks.clearRequestLog();
  const child: ControllerChild = world.spawnController();
  const memory = watchMemory(child.pid);
  try {
    const endpoints = await child.started;
    await cachesSynced(endpoints, timeoutMs);
    const syncSeconds = seconds();
    const rssAtSyncMiB = memoryOf(child.pid).rssMiB;
    await claimsSettled(endpoints, claims, timeoutMs);
    const settleSeconds = seconds();
    const startup = { cloudCalls: callsBetween(callsBefore, world.cloud.admin.calls()).byAction, kubeRequests: requestsOf(CONTROLLER_USER, world.apiServer.hooks.requestLog()) };
    await new Promise((resolve) => setTimeout(resolve, steadySeconds * 1000));
    const steady = memoryOf(child.pid);
    const peak = memory.stop();
    return {
      syncSeconds,
      settleSeconds,
      rssAtSyncMiB: round(rssAtSyncMiB, 1),
      // VmHWM can fall below a VmRSS read earlier (memory V8 gives back with madvise does not update the high-water mark).
      peakRssMiB: round(Math.max(peak.peakRssMiB, peak.rssMiB, rssAtSyncMiB, steady.peakRssMiB, steady.rssMiB), 1),
      steadyRssMiB: round(steady.rssMiB, 1),
      steadySeconds,
      heapUsedMiB: round(bytesToMiB(await metricSum(endpoints.metricsUrl, 'nodejs_heap_size_used_bytes')), 1),
      heapTotalMiB: round(bytesToMiB(await metricSum(endpoints.metricsUrl, 'nodejs_heap_size_total_bytes')), 1),
      startup,
    };
  } catch (error) {
    throw child.explain(error);
  } finally {
    memory.stop();
    await child.stop();
  }
}

export function brokenMemoryGoals(result: MemoryResult, goals: MemoryGoals): string[] {
  const broken: string[] = [];
  if (result.steadyRssMiB > goals.steadyRssMiB) broken.push(`steady RSS ${result.steadyRssMiB} MiB (goal at most ${goals.steadyRssMiB} MiB)`);
  if (result.peakRssMiB > goals.peakRssMiB) broken.push(`peak RSS ${result.peakRssMiB} MiB (goal at most ${goals.peakRssMiB} MiB)`);
  return broken;
}
