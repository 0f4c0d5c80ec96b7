/**
 * The benchmark itself: starts the world, runs bind → restart → churn, checks the invariants and
 * returns every figure. `run.ts` is its command line; the smoke test calls this directly.
 */
import { performance } from 'node:perf_hooks';
import type { V1Pod } from '@kubernetes/client-node';
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { BENCH_PROVIDERS, bindFloorSeconds, type BenchProviderName } from './bench-providers.js';
import { startBenchWorld } from './bench-world.js';
import { runBindPhase, type BindResult } from './bind-phase.js';
import { runChurnPhase, type ChurnResult } from './churn-phase.js';
import { describeMachine, type Machine } from './machine.js';
import { ObjectTimeline } from './object-timeline.js';
import { NAMESPACE, type PhaseContext } from './phase-context.js';
import { runRestartPhase, type RestartResult } from './restart-phase.js';

export interface BenchOptions {
  provider: BenchProviderName;
  pods: number;
  /** Longest wait for one phase; default 3 × the rate-limit floor + 30 s, at least 60 s. */
  timeoutSeconds?: number;
}

export interface BenchResult {
  machine: Machine;
  provider: BenchProviderName;
  pods: number;
  emulator: { rateLimits: string; quota: string };
  bind?: BindResult;
  restart?: RestartResult;
  churn?: ChurnResult;
  /** Broken invariants and phases that did not finish; empty on success. */
  failures: string[];
}

export async function runBenchmark(options: BenchOptions, progress: (line: string) => void = () => undefined): Promise<BenchResult> {
  const provider = BENCH_PROVIDERS[options.provider];
  const { pods } = options;
  const result: BenchResult = {
    machine: describeMachine(),
    provider: provider.name,
    pods,
    emulator: { rateLimits: provider.rateLimitNote, quota: `raised to ${2 * pods + 20} addresses, no daily allocation limit` },
    failures: [],
  };
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
    result.bind = await runBindPhase(context);
    result.restart = await runRestartPhase(context);
    result.churn = await runChurnPhase(context);
  } catch (error) {
    result.failures.push((error as Error).message);
  } finally {
    context.claims.stop();
    context.podTimeline.stop();
    await world.close();
  }
  result.failures.push(...brokenInvariants(result));
  return result;
}

/** What makes `make bench` exit 1, besides a phase that did not finish. */
export function brokenInvariants({ restart, churn }: BenchResult): string[] {
  const broken: string[] = [];
  if (restart && restart.cloudWrites > 0) broken.push(`restart made ${restart.cloudWrites} cloud writes (must be 0)`);
  if (restart && restart.describeCalls > restart.describeBudget) broken.push(`restart made ${restart.describeCalls} describe calls (at most ${restart.describeBudget})`);
  if (churn && churn.newAllocations > 0) broken.push(`churn allocated ${churn.newAllocations} new addresses (must be 0)`);
  if (churn && churn.changedAddresses > 0) broken.push(`churn changed the address of ${churn.changedAddresses} claims (must be 0)`);
  return broken;
}
