/**
 * `--scenario burst` (issue 10): N pods asking for owned addresses at once, on each provider in its
 * own world. Every claim must be Bound within 1.10× the rate-limit floor, and the cloud must refuse
 * no call as a duplicate (a second allocate or associate for the same claim): only throttling may
 * turn a call away.
 */
import { ALIBABA_RATE_LIMITS } from '../../src/providers/alibaba/alibaba-provider.js';
import type { RateLimits } from '../../src/providers/action-rate-limiter.js';
import { TENCENT_RATE_LIMITS } from '../../src/providers/tencent/tencent-provider.js';
import { BENCH_PROVIDERS, type BenchProvider, type BenchProviderName, type WriteLimit } from './bench-providers.js';
import { runBindPhase, type BindResult } from './bind-phase.js';
import { round, sum } from './call-counts.js';
import { inBenchWorld, type WorldOptions } from './phase-context.js';

export const BURST_GOAL_RATIO = 1.1;
const THROTTLING = /RequestLimitExceeded|Throttling/;
const PODEIP_LIMITS: Record<BenchProviderName, RateLimits> = { tencent: TENCENT_RATE_LIMITS, alibaba: ALIBABA_RATE_LIMITS };

export interface BurstFigures {
  provider: BenchProviderName;
  seconds: number;
  /** The slower of allocate and associate: (N − burst) / rate, each the lower of the emulator's and podeip's. */
  floorSeconds: number;
  ratioToFloor: number | null;
  /** Write calls the cloud answered with anything but throttling. */
  refusedDuplicates: number;
  throttled: number;
  bind: BindResult;
}

export interface BurstScenarioResult {
  providers: BurstFigures[];
  /** A provider whose burst did not finish (a timeout): the other's figures still count. */
  unfinished: string[];
}

export async function runBurstScenario(options: WorldOptions, progress: (line: string) => void): Promise<BurstScenarioResult> {
  const result: BurstScenarioResult = { providers: [], unfinished: [] };
  for (const name of options.onlyProvider ? [options.onlyProvider] : (['tencent', 'alibaba'] as const)) {
    const provider = BENCH_PROVIDERS[name];
    const floorSeconds = burstFloorSeconds(provider, options.pods);
    await inBenchWorld({ ...options, provider: name }, progress, async (context) => {
      const bind = await runBindPhase(context, { podAnnotations: provider.podAnnotations, floorSeconds });
      result.providers.push(figuresOf(provider, bind, floorSeconds));
    }).catch((error: Error) => result.unfinished.push(`burst (${name}): ${error.message}`));
  }
  return result;
}

/** What makes the burst scenario fail: a provider that did not finish, a goal not met. */
export function burstShortfalls(result: BurstScenarioResult): string[] {
  return result.unfinished.concat(...result.providers.map(({ provider, ratioToFloor, refusedDuplicates }) => [
    ...(ratioToFloor !== null && ratioToFloor > BURST_GOAL_RATIO ? [`burst (${provider}) took ${ratioToFloor}× the rate-limit floor (at most ${BURST_GOAL_RATIO}×)`] : []),
    ...(refusedDuplicates > 0 ? [`burst (${provider}): the cloud refused ${refusedDuplicates} write calls other than by throttling (must be 0)`] : []),
  ]));
}

/** Each action's pace is the lower of the emulator's documented limit and podeip's own client-side one. */
export function burstFloorSeconds(provider: BenchProvider, claims: number): number {
  const podeip = PODEIP_LIMITS[provider.name];
  const paces = [
    [provider.documentedLimits.allocate, podeipLimit(podeip, provider.allocateAction)],
    [provider.documentedLimits.associate, podeipLimit(podeip, provider.associateAction)],
  ].map(([cloud, client]) => ({ perSecond: Math.min(cloud!.perSecond, client!.perSecond), burst: Math.min(cloud!.burst, client!.burst) }));
  return Math.max(...paces.map(({ perSecond, burst }) => Math.max(0, claims - burst) / perSecond));
}

function podeipLimit(limits: RateLimits, action: string): WriteLimit {
  const perSecond = limits.perSecond[action] ?? limits.defaultPerSecond;
  return { perSecond, burst: limits.burst?.[action] ?? perSecond };
}

function figuresOf(provider: BenchProvider, bind: BindResult, floorSeconds: number): BurstFigures {
  const rejectedWrites = Object.entries(bind.cloudCalls.rejected).filter(([action]) => provider.writeActions.includes(action));
  const count = (throttling: boolean) =>
    rejectedWrites.reduce((total, [, byCode]) => total + sum(byCode, (code) => THROTTLING.test(code) === throttling), 0);
  return {
    provider: provider.name,
    seconds: bind.seconds,
    floorSeconds: round(floorSeconds, 2),
    ratioToFloor: floorSeconds > 0 ? round(bind.seconds / floorSeconds, 2) : null,
    refusedDuplicates: count(false),
    throttled: count(true),
    bind,
  };
}
