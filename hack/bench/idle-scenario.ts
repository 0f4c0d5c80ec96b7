/**
 * `--scenario idle`: what `podeip run` costs while nothing changes. Once every claim is settled, the
 * controller's CPU time (/proc utime + stime) is read over a window, with the cloud calls and the
 * Kubernetes requests it made meanwhile: only the periodic cloud sync's reads are expected. Nothing
 * polls the controller during the window (a /metrics scrape costs CPU too).
 */
import { CONTROLLER_USER } from './bench-world.js';
import { type CallTally, callsBetween, requestsOf, round, sum } from './call-counts.js';
import { cachesSynced, claimsSettled } from './controller-readiness.js';
import { cpuSecondsOf } from './process-usage.js';
import type { ScaleWorld } from './scale-world.js';

export interface IdleResult {
  seconds: number;
  cpuSeconds: number;
  /** CPU time over wall time, in percent of one core. */
  cpuPercentOfOneCore: number;
  /** podeip's default: a window of this length holds about one pass, whose reads are all the cloud calls expected. */
  cloudSyncPeriodSeconds: number;
  cloudCalls: CallTally;
  cloudWrites: number;
  /** The controller's API requests by "verb resource[/subresource]" (its watches stay open and are not requests). */
  kubeRequests: Record<string, number>;
}

const CLOUD_SYNC_PERIOD_SECONDS = 60;

/** Issue 10: at most 1 % of one core with 50,000 idle pods. */
export const IDLE_CPU_GOAL_PERCENT = 1;

export async function runIdleScenario(world: ScaleWorld, claims: number, writeActions: string[], seconds: number, timeoutMs: number): Promise<IdleResult> {
  const child = world.spawnController();
  try {
    const endpoints = await child.started;
    await cachesSynced(endpoints, timeoutMs);
    await claimsSettled(endpoints, claims, timeoutMs);
    const callsBefore = world.cloud.admin.calls();
    world.apiServer.hooks.clearRequestLog();
    const cpuBefore = cpuSecondsOf(child.pid);
    const startedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const cpuSeconds = cpuSecondsOf(child.pid) - cpuBefore;
    const wallSeconds = (performance.now() - startedAt) / 1000;
    const cloudCalls = callsBetween(callsBefore, world.cloud.admin.calls());
    return {
      seconds: round(wallSeconds, 1),
      cpuSeconds: round(cpuSeconds, 2),
      cpuPercentOfOneCore: round((100 * cpuSeconds) / wallSeconds, 2),
      cloudSyncPeriodSeconds: CLOUD_SYNC_PERIOD_SECONDS,
      cloudCalls,
      cloudWrites: sum(cloudCalls.byAction, (action) => writeActions.includes(action)),
      kubeRequests: requestsOf(CONTROLLER_USER, world.apiServer.hooks.requestLog()),
    };
  } catch (error) {
    throw child.explain(error);
  } finally {
    await child.stop();
  }
}

export function brokenIdleInvariants(result: IdleResult): string[] {
  const broken: string[] = [];
  if (result.cloudWrites > 0) broken.push(`idle controller made ${result.cloudWrites} cloud writes (must be 0)`);
  const kubeWrites = sum(result.kubeRequests, (request) => !request.startsWith('get ') && !request.startsWith('list ') && !request.startsWith('watch ') && !request.includes('leases'));
  if (kubeWrites > 0) broken.push(`idle controller made ${kubeWrites} Kubernetes writes (must be 0)`);
  return broken;
}
