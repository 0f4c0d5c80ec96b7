/** When a `podeip run` child has synced its caches and settled every claim, read from its endpoints. */
import type { ControllerEndpoints } from './scale-world.js';
import { pollUntil } from './poll-until.js';

/** The sum of a metric's samples whose labels include `labels` (e.g. `phase="Bound"`); 0 when none. */
export async function metricSum(metricsUrl: string, name: string, labels = ''): Promise<number> {
  const body = await (await fetch(`${metricsUrl}/metrics`)).text();
  return body
    .split('\n')
    .filter((line) => (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) && line.includes(labels))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/** /readyz answers 200 once the pod and claim caches hold their first list. */
export function cachesSynced(endpoints: ControllerEndpoints, timeoutMs: number): Promise<true> {
  return pollUntil('the caches to sync (/readyz 200)', timeoutMs, async () => ((await answer(`${endpoints.probesUrl}/readyz`))?.status === 200 ? true : undefined), 50);
}

/** A controller busy with a huge list can drop a probe's connection (its server's header timeout): not ready yet. */
async function answer(url: string): Promise<Response | undefined> {
  try {
    return await fetch(url);
  } catch {
    return undefined;
  }
}

/** Every claim Bound in podeip's view, each reconciled at least once, and the queue empty. */
export function claimsSettled(endpoints: ControllerEndpoints, claims: number, timeoutMs: number): Promise<true> {
  return pollUntil(`${claims} claims Bound and the work queue empty`, timeoutMs, async () => {
    const { metricsUrl } = endpoints;
    const bound = await metricSum(metricsUrl, 'podeip_claims', 'phase="Bound"');
    const reconciled = await metricSum(metricsUrl, 'controller_runtime_reconcile_total', 'controller="eipclaim"');
    const queued = await metricSum(metricsUrl, 'workqueue_depth');
    return bound === claims && reconciled >= claims && queued === 0 ? true : undefined;
  }, 250);
}
