/** The human-readable result: one section per phase, figures per claim where they are machine-independent. */
import type { BenchResult } from './benchmark.js';
import type { PoolScenarioResult } from './pool-scenario.js';
import { scaleRows } from './scale-report.js';
import { cloudScaleRows } from './cloud-scale-report.js';
import { formatCounts, rows } from './table-rows.js';

export function formatReport(result: BenchResult): string {
  const { machine, bind, restart, churn, pool } = result;
  const lines = [
    `podeip benchmark — ${result.provider}, ${result.pods} pods${result.scenario === 'pool' ? ', pool scenario' : ''}`,
    `machine: ${machine.cpu}, ${machine.cores} cores, node ${machine.node} (everything in one process)`,
    `emulator: ${result.emulator.rateLimits}; quota ${result.emulator.quota}`,
  ];
  if (bind) {
    lines.push(
      '',
      'bind throughput (apply → every claim Bound and every pod showing its IP)',
      ...rows([
        ['total', `${bind.seconds} s`],
        ['claims per second', `${bind.claimsPerSecond}`],
        ['rate-limit floor', `${bind.floorSeconds} s (max over allocate, associate of (N − burst) / rate)`],
        ['ratio to floor', ratio(bind.ratioToFloor)],
        ['bind duration, watched', `p50 ${bind.observed.p50} s, p95 ${bind.observed.p95} s, max ${bind.observed.max} s`],
        ['podeip_bind_duration_seconds', `p50 ≈${bind.controllerHistogram.p50} s, p95 ≈${bind.controllerHistogram.p95} s, max ≤${bind.controllerHistogram.maxAtMost} s (${bind.controllerHistogram.count} observations)`],
      ]),
      '  cloud calls per claim',
      ...rows(Object.entries(bind.cloudCallsPerClaim).map(([action, count]) => [action, `${count}`]), 4),
      ...rejectedRows(bind.cloudCalls.rejected),
      '  Kubernetes API requests per claim (controller only)',
      ...rows(Object.entries(bind.kubeRequestsPerClaim).map(([request, count]) => [request, `${count}`]), 4),
    );
  }
  if (restart) {
    lines.push(
      '',
      'restart (fresh controller → synced, every claim reconciled, queue empty)',
      ...rows([
        ['time to settle', `${restart.seconds} s`],
        ['cloud writes', `${restart.cloudWrites} (must be 0)`],
        ['describe calls', `${restart.describeCalls} (at most ${restart.describeBudget})`],
        ['all cloud calls', formatCounts(restart.cloudCalls)],
        ['Kubernetes writes', `${restart.kubeWrites}`],
        ['Kubernetes requests', formatCounts(restart.kubeRequests)],
      ]),
    );
  }
  if (churn) {
    lines.push(
      '',
      'churn (delete every pod → each claim Bound to the new pod with the same address)',
      ...rows([
        ['quiet period before', `${churn.quietSecondsBefore} s (the associate burst bind spent, refilled)`],
        ['total', `${churn.seconds} s`],
        ['rate-limit floor', `${churn.floorSeconds} s (max over disassociate, associate of (N − burst) / rate)`],
        ['ratio to floor', ratio(churn.ratioToFloor)],
        ['re-bind, watched', `p50 ${churn.observed.p50} s, p95 ${churn.observed.p95} s, max ${churn.observed.max} s`],
        ['new allocations', `${churn.newAllocations} (must be 0)`],
        ['changed addresses', `${churn.changedAddresses} (must be 0)`],
      ]),
      '  cloud calls per claim',
      ...rows(Object.entries(churn.cloudCallsPerClaim).map(([action, count]) => [action, `${count}`]), 4),
      ...rejectedRows(churn.cloudCalls.rejected),
      '  Kubernetes API requests per claim (controller only)',
      ...rows(Object.entries(churn.kubeRequestsPerClaim).map(([request, count]) => [request, `${count}`]), 4),
    );
  }
  if (pool) lines.push('', ...poolRows(pool, result.pods));
  if (result.scale) lines.push('', ...scaleRows(result.scale));
  if (result.cloudScale) lines.push('', ...cloudScaleRows(result.cloudScale));
  lines.push('', result.failures.length === 0 ? 'result: every invariant held' : `result: FAILED\n${result.failures.map((failure) => `  - ${failure}`).join('\n')}`);
  return lines.join('\n');
}

function poolRows({ fill, warm, allocating }: PoolScenarioResult, pods: number): string[] {
  const table = [
    ['', 'warm spares', 'allocating'],
    ['total', `${warm.seconds} s`, `${allocating.seconds} s`],
    ['bind p50, watched', `${warm.p50BindSeconds} s`, `${allocating.p50BindSeconds} s`],
    ['bind p95, watched', `${warm.p95BindSeconds} s`, `${allocating.p95BindSeconds} s`],
    ['allocate calls per pod', `${warm.perPod.allocate} (must be 0)`, `${allocating.perPod.allocate}`],
    ['associate calls per pod', `${warm.perPod.associate}`, `${allocating.perPod.associate}`],
    ['describe calls per pod', `${warm.perPod.describe}`, `${allocating.perPod.describe}`],
  ];
  const widths = [0, 1].map((column) => Math.max(...table.map((row) => row[column]!.length)));
  return [
    `warm spares vs allocating (apply → every claim Bound and every pod showing its IP; a fresh world each)`,
    `  before the warm binds: EIPPool of ${pods} spares (minAvailable = maxSize = ${pods}) filled in ${fill.seconds} s with ${fill.allocateCalls} allocate calls`,
    ...table.map((row) => `  ${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]}`.trimEnd()),
    ...rejectedRows(warm.bind.cloudCalls.rejected).map((row) => row.replace('(', '(warm: ')),
    ...rejectedRows(allocating.bind.cloudCalls.rejected).map((row) => row.replace('(', '(allocating: ')),
  ];
}

function ratio(value: number | null): string {
  return value === null ? 'n/a (N fits in the bursts)' : `${value}×`;
}

function rejectedRows(rejected: Record<string, Record<string, number>>): string[] {
  return Object.entries(rejected).map(([action, byCode]) => `    (${action} rejected: ${formatCounts(byCode)})`);
}
