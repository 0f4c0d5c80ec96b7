/** The memory and idle scenarios as table rows for report-table.ts. */
import { formatCounts, rows } from './table-rows.js';
import type { ScaleScenarioResult } from './scale-scenario.js';

export function scaleRows({ pods, claims, seedSeconds, memory, idle, goalsMissed }: ScaleScenarioResult): string[] {
  const lines = [`cluster: ${pods} pods (about 8 KB of JSON each), ${claims} of them with a Bound claim; seeded in ${seedSeconds} s; podeip as its own process`];
  if (memory) {
    lines.push(
      '',
      'memory of podeip run (/proc VmRSS, VmHWM; V8 heap from /metrics)',
      ...rows([
        ['caches synced after', `${memory.syncSeconds} s (RSS then ${memory.rssAtSyncMiB} MiB)`],
        ['claims settled after', `${memory.settleSeconds} s`],
        ['peak RSS', `${memory.peakRssMiB} MiB (goal ≤ 300 MiB at 50,000 pods)`],
        ['steady RSS', `${memory.steadyRssMiB} MiB, ${memory.steadySeconds} s after settling (goal ≤ 200 MiB at 50,000 pods)`],
        ['V8 heap', `${memory.heapUsedMiB} MiB used of ${memory.heapTotalMiB} MiB`],
        ['start-up cloud calls', formatCounts(memory.startup.cloudCalls)],
        ['start-up API requests', formatCounts(memory.startup.kubeRequests)],
      ]),
    );
  }
  if (idle) {
    lines.push(
      '',
      `idle (every claim settled, nothing changing; measured for ${idle.seconds} s)`,
      ...rows([
        ['CPU', `${idle.cpuSeconds} s = ${idle.cpuPercentOfOneCore} % of one core (goal ≤ 1 %)`],
        ['cloud calls', `${formatCounts(idle.cloudCalls.byAction)} (the periodic sync runs every ${idle.cloudSyncPeriodSeconds} s)`],
        ['cloud writes', `${idle.cloudWrites} (must be 0)`],
        ['Kubernetes requests', formatCounts(idle.kubeRequests)],
      ]),
    );
  }
  lines.push('', goalsMissed.length === 0 ? 'goals: met' : `goals not met here:\n${goalsMissed.map((goal) => `  - ${goal}`).join('\n')}`);
  return lines;
}
