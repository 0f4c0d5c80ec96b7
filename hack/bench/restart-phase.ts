/**
 * Restart cost (R13): a fresh controller over N Bound claims, from its start until it has synced,
 * reconciled every claim and has nothing queued. It should write nothing and read in batches.
 */
import type { RunningController } from '../../src/manager/start-controller.js';
import { perClaim, round, sum } from './call-counts.js';
import { measured, type PhaseContext } from './phase-context.js';

export interface RestartResult {
  seconds: number;
  cloudWrites: number;
  describeCalls: number;
  /** ceil(N / 100): one describe page per 100 addresses. */
  describeBudget: number;
  cloudCalls: Record<string, number>;
  kubeWrites: number;
  kubeRequests: Record<string, number>;
  kubeRequestsPerClaim: Record<string, number>;
}

const KUBE_WRITE_VERBS = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

export async function runRestartPhase(context: PhaseContext): Promise<RestartResult> {
  const { world, provider, pods } = context;
  context.progress('restart: stopping the controller');
  await world.stopController();
  context.progress('restart: starting a fresh controller');
  const window = await measured(context, async () => {
    const controller = await world.startController();
    await controller.synced;
    await settled(controller, pods, context.timeoutMs);
  });
  const cloud = window.cloud.byAction;
  return {
    seconds: round(window.seconds, 2),
    cloudWrites: sum(cloud, (action) => provider.writeActions.includes(action)),
    describeCalls: cloud[provider.describeAction] ?? 0,
    describeBudget: Math.ceil(pods / 100),
    cloudCalls: cloud,
    kubeWrites: sum(window.kube, (key) => KUBE_WRITE_VERBS.has(key.split(' ')[0]!)),
    kubeRequests: window.kube,
    kubeRequestsPerClaim: perClaim(window.kube, pods),
  };
}

/** Every claim reconciled at least once and the work queue empty; the controller offers no event for it. */
async function settled(controller: RunningController, claims: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!((await reconciles(controller)) >= claims && (await queueDepth(controller)) === 0)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for the restarted controller to settle`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function reconciles(controller: RunningController): Promise<number> {
  const metric = await controller.metrics.reconcileTotal.get();
  return metric.values.reduce((total, value) => total + value.value, 0);
}

async function queueDepth(controller: RunningController): Promise<number> {
  const metric = await controller.metrics.registry.getSingleMetric('workqueue_depth')?.get();
  return metric?.values.reduce((total, value) => total + value.value, 0) ?? 0;
}
