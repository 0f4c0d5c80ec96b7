/** The chaos run's result as a table: one column per provider, the invariants first. */
import type { ChaosResult } from './chaos-run.js';
import { sum } from '../bench/call-counts.js';

type Row = [label: string, value: (result: ChaosResult) => string | number];

const ROWS: Row[] = [
  ['seed', (result) => result.seed],
  ['seconds of faults', (result) => result.durationSeconds],
  ['leader SIGKILLs', (result) => result.disruptions.leaderKills],
  ['watch drops', (result) => result.disruptions.watchDrops],
  ['pod deletions', (result) => result.disruptions.podDeletions],
  ['scalings', (result) => result.disruptions.scalings],
  ['cloud calls rejected', (result) => Object.values(result.cloudCalls.rejected).reduce((total, codes) => total + sum(codes), 0)],
  ['converged after (s)', (result) => result.convergedAfterSeconds ?? `not within ${result.convergenceCapSeconds}`],
  ['addresses leaked', (result) => result.invariants.leakedAddresses],
  ['addresses named by two claims', (result) => result.invariants.addressesNamedByTwoClaims],
  ['static addresses released', (result) => result.invariants.staticAddressesReleased],
  ['claims not converged', (result) => result.invariants.claimsNotConverged],
];

export function formatChaosReport(results: ChaosResult[]): string {
  const actions = [...new Set(results.flatMap((result) => Object.keys(result.cloudCalls.byAction)))].sort();
  const rows: Array<[string, ...string[]]> = [
    ['', ...results.map((result) => result.provider)],
    ...ROWS.map(([label, value]): [string, ...string[]] => [label, ...results.map((result) => String(value(result)))]),
    ...actions.map((action): [string, ...string[]] => [`calls ${action}`, ...results.map((result) => callsOf(result, action))]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join('  '));
  return [...lines, ...results.flatMap(brokenLines)].join('\n');
}

/** "calls (failed)" of one action, '-' for a provider that never calls it. */
function callsOf(result: ChaosResult, action: string): string {
  const calls = result.cloudCalls.byAction[action];
  if (calls === undefined) return '-';
  const failed = sum(result.cloudCalls.rejected[action] ?? {});
  return failed > 0 ? `${calls} (${failed} failed)` : String(calls);
}

function brokenLines(result: ChaosResult): string[] {
  const broken = Object.entries(result.broken).flatMap(([invariant, what]) => (what as string[]).map((item) => `${result.provider}: ${invariant}: ${item}`));
  return result.logFolder ? [...broken, `${result.provider}: controller logs kept in ${result.logFolder}`] : broken;
}
