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

/** The controller's informers: pods and claims. Watches are logged when they end, so wait for them. */
const CONTROLLER_WATCHES = 2;
const KUBE_WRITE_VERBS = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

export async function runRestartPhase(context: PhaseContext): Promise<RestartResult> {
  const { world, provider, pods } = context;
  context.progress('restart: stopping the controller');
  const openWatches = world.apiServer.hooks.openWatches;
  const othersWatches = openWatches() - CONTROLLER_WATCHES;
  await world.stopController();
  await until('the stopped controller\'s watches to end', () => openWatches() <= othersWatches, context.timeoutMs);
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

/** Every claim reconciled at least once and the work queue empty (polled: the controller offers no event). */
function settled(controller: RunningController, claims: number, timeoutMs: number): Promise<void> {
  return until('the restarted controller to settle', async () => (await reconciles(controller)) >= claims && (await queueDepth(controller)) === 0, timeoutMs);
}

async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
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
