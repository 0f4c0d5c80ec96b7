/** Steps several lifecycle tests share: waiting for a claim's phase or a pool's state, and changing what a pod asks for. */
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import type { EIPPool } from '../../src/k8s/eippool.js';
import { eventually, type Harness, NAMESPACE } from './harness.js';

/** The claim once it reaches `phase` (and `also`, when given). */
export function claimInPhase(world: Harness, name: string, phase: string, also: (claim: EIPClaim) => boolean = () => true): Promise<EIPClaim> {
  return eventually(`claim ${name} ${phase}`, async () => {
    const claim = await world.claim(name);
    return claim?.status?.phase === phase && also(claim) ? claim : undefined;
  });
}

/** The pool once `check` holds for it. */
export async function poolWith(world: Harness, name: string, check: (pool: EIPPool) => boolean): Promise<EIPPool> {
  return eventually(`pool ${name}`, async () => {
    const pool = await world.pool(name);
    return pool && check(pool) ? pool : undefined;
  });
}

/** The claim's condition of `type`, once it has one with `reason`. */
export function conditionWithReason(world: Harness, name: string, type: string, reason: string) {
  return eventually(`claim ${name} ${type} reason ${reason}`, async () => {
    const condition = (await world.claim(name))?.status?.conditions?.find((candidate) => candidate.type === type);
    return condition?.reason === reason ? condition : undefined;
  });
}

/** The pod's request annotations `from` are replaced by `to`; every other annotation stays. */
export async function changeRequest(world: Harness, name: string, from: Record<string, string>, to: Record<string, string>): Promise<void> {
  const pod = await world.pod(name);
  const kept = Object.entries(pod?.metadata?.annotations ?? {}).filter(([key]) => !(key in from));
  const annotations = { ...Object.fromEntries(kept), ...to };
  await world.core.patchNamespacedPod({ namespace: NAMESPACE, name, body: [{ op: 'replace', path: '/metadata/annotations', value: annotations }] });
}

/** How many reconciles the running controller has finished, to wait for one more after some change. */
export async function reconciles(world: Harness): Promise<number> {
  const metric = await world.controller!.metrics.reconcileTotal.get();
  return metric.values.reduce((sum, value) => sum + value.value, 0);
}
