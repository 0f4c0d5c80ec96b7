/** The table sections of `--scenario restart|burst|latency`. */
import { BURST_GOAL_RATIO, type BurstScenarioResult } from './burst-scenario.js';
import type { CloudScaleResult } from './cloud-scale-scenario.js';
import type { DurationSummary } from './durations.js';
import { LATENCY_GOAL_MS, type LatencyResult } from './latency-scenario.js';
import { RESTART_GOAL_SECONDS, type RestartScenarioResult } from './restart-scenario.js';
import { formatCounts, rows } from './table-rows.js';

export function cloudScaleRows({ restartAtScale, burst, latency }: CloudScaleResult): string[] {
  return [...(restartAtScale ? restartRows(restartAtScale) : []), ...(burst ? burstRows(burst) : []), ...(latency ? latencyRows(latency) : [])];
}

function restartRows({ seedSeconds, restart }: RestartScenarioResult): string[] {
  return [
    'restart over seeded Bound claims (fresh controller → synced, every claim reconciled, queue empty)',
    ...rows([
      ['seeding (not measured)', `${seedSeconds} s`],
      ['time to settle', `${restart.seconds} s (at most ${RESTART_GOAL_SECONDS} s)`],
      ['cloud writes', `${restart.cloudWrites} (must be 0)`],
      ['describe calls', `${restart.describeCalls} (at most ${restart.describeBudget})`],
      ['all cloud calls', formatCounts(restart.cloudCalls)],
      ['Kubernetes writes', `${restart.kubeWrites} (must be 0)`],
      ['Kubernetes requests', formatCounts(restart.kubeRequests)],
    ]),
  ];
}

function burstRows(burst: BurstScenarioResult): string[] {
  return [
    `burst (N pods at once, each provider in its own world; goal: within ${BURST_GOAL_RATIO}× the floor, no refused duplicate)`,
    ...burst.unfinished.map((failure) => `  ${failure}`),
    ...burst.providers.flatMap((figures) => [
      `  ${figures.provider}`,
      ...rows(
        [
          ['every claim Bound, pods showing their IPs', `${figures.seconds} s`],
          ['rate-limit floor', `${figures.floorSeconds} s (slower of allocate, associate: (N − burst) / rate, each the lower of the emulator's and podeip's)`],
          ['ratio to floor', figures.ratioToFloor === null ? 'n/a (N fits in the bursts)' : `${figures.ratioToFloor}×`],
          ['refused duplicate writes', `${figures.refusedDuplicates} (must be 0)`],
          ['throttled writes', `${figures.throttled}`],
          ['cloud calls per claim', formatCounts(figures.bind.cloudCallsPerClaim)],
        ],
        4,
      ),
    ]),
  ];
}

function latencyRows(latency: LatencyResult): string[] {
  const ms = ({ p50, p95, max }: DurationSummary) => `p50 ${p50} ms, p95 ${p95} ms, max ${max} ms`;
  return [
    `latency (${latency.overhead.count} pods one at a time, every cloud step ${latency.stepDelays.minMs}–${latency.stepDelays.maxMs} ms)`,
    ...rows([
      ['pod IP seen → outputs written', ms(latency.total)],
      ["the cloud's own steps within it", ms(latency.cloud)],
      ['podeip overhead (the difference)', `${ms(latency.overhead)} (goal: p50 at most ${LATENCY_GOAL_MS} ms)`],
      ['cloud calls per pod', formatCounts(latency.cloudCallsPerPod)],
    ]),
  ];
}
