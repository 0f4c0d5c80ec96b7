/**
 * The benchmark itself: starts the world, runs a scenario, checks the invariants and returns every
 * figure. The lifecycle scenario (the default) runs bind → restart → churn; the pool scenario
 * (pool-scenario.ts) binds from warm EIPPool spares and by allocating. `run.ts` is its command line;
 * the smoke tests call this directly.
 */
import { BENCH_PROVIDERS, type BenchProviderName } from './bench-providers.js';
import { runBindPhase, type BindResult } from './bind-phase.js';
import { runChurnPhase, type ChurnResult } from './churn-phase.js';
import { describeMachine, type Machine } from './machine.js';
import { inBenchWorld, type WorldOptions } from './phase-context.js';
import { runPoolScenario, type PoolScenarioResult } from './pool-scenario.js';
import { runRestartPhase, type RestartResult } from './restart-phase.js';
import { runScaleScenario, type ScaleOptions, type ScaleScenarioName, type ScaleScenarioResult } from './scale-scenario.js';
import { isCloudScaleScenario, runCloudScaleScenario, type CloudScaleResult, type CloudScaleScenarioName } from './cloud-scale-scenario.js';

export type BenchScenario = 'lifecycle' | 'pool' | ScaleScenarioName | CloudScaleScenarioName;
export const BENCH_SCENARIOS: BenchScenario[] = ['lifecycle', 'pool', 'memory', 'idle', 'restart', 'burst', 'latency'];

export interface BenchOptions extends WorldOptions, ScaleOptions {
  /** Absent = lifecycle. */
  scenario?: BenchScenario;
}

export interface BenchResult {
  scenario: BenchScenario;
  machine: Machine;
  provider: BenchProviderName;
  pods: number;
  emulator: { rateLimits: string; quota: string };
  bind?: BindResult;
  restart?: RestartResult;
  churn?: ChurnResult;
  pool?: PoolScenarioResult;
  scale?: ScaleScenarioResult;
  cloudScale?: CloudScaleResult;
  /** Broken invariants and phases that did not finish; empty on success. */
  failures: string[];
}

export async function runBenchmark(options: BenchOptions, progress: (line: string) => void = () => undefined): Promise<BenchResult> {
  const provider = BENCH_PROVIDERS[options.provider];
  const { pods } = options;
  const result: BenchResult = {
    scenario: options.scenario ?? 'lifecycle',
    machine: describeMachine(),
    provider: provider.name,
    pods,
    emulator: { rateLimits: provider.rateLimitNote, quota: `raised to ${2 * pods + 20} addresses, no daily allocation limit` },
    failures: [],
  };
  try {
    if (result.scenario === 'pool') result.pool = await runPoolScenario(options, progress);
    else if (result.scenario === 'memory' || result.scenario === 'idle') result.scale = await runScaleScenario(result.scenario, options, progress);
    else if (isCloudScaleScenario(result.scenario)) result.cloudScale = await runCloudScaleScenario(result.scenario, options, progress);
    else await inBenchWorld(options, progress, async (context) => {
      result.bind = await runBindPhase(context);
      result.restart = await runRestartPhase(context);
      result.churn = await runChurnPhase(context);
    });
  } catch (error) {
    result.failures.push((error as Error).message);
  }
  result.failures.push(...brokenInvariants(result), ...(result.scale?.failures ?? []), ...(result.cloudScale?.failures ?? []));
  return result;
}

/** What makes `make bench` exit 1, besides a phase that did not finish. */
export function brokenInvariants({ restart, churn, pool }: BenchResult): string[] {
  const broken: string[] = [];
  if (pool && pool.warm.allocateCalls > 0) broken.push(`warm binds made ${pool.warm.allocateCalls} allocate calls (must be 0)`);
  if (restart && restart.cloudWrites > 0) broken.push(`restart made ${restart.cloudWrites} cloud writes (must be 0)`);
  if (restart && restart.describeCalls > restart.describeBudget) broken.push(`restart made ${restart.describeCalls} describe calls (at most ${restart.describeBudget})`);
  if (churn && churn.newAllocations > 0) broken.push(`churn allocated ${churn.newAllocations} new addresses (must be 0)`);
  if (churn && churn.changedAddresses > 0) broken.push(`churn changed the address of ${churn.changedAddresses} claims (must be 0)`);
  return broken;
}
