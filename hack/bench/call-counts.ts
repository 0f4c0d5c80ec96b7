/** Counting what the controller asked of the cloud and of the API server between two moments. */
import type { CallCounts } from '../cloud/common/index.js';
import type { RequestLogEntry } from '../kube-apiserver/index.js';

export interface CallTally {
  /** Calls per action, whatever their outcome. */
  byAction: Record<string, number>;
  /** Calls per action that the cloud answered with an error, by error code (e.g. throttling). */
  rejected: Record<string, Record<string, number>>;
}

export function succeeded(tally: CallTally, action: string): number {
  return (tally.byAction[action] ?? 0) - sum(tally.rejected[action] ?? {});
}

export function callsBetween(before: CallCounts, after: CallCounts): CallTally {
  const tally: CallTally = { byAction: {}, rejected: {} };
  for (const [action, byCode] of Object.entries(after)) {
    for (const [code, count] of Object.entries(byCode)) {
      const added = count - (before[action]?.[code] ?? 0);
      if (added === 0) continue;
      tally.byAction[action] = (tally.byAction[action] ?? 0) + added;
      if (code !== 'OK') (tally.rejected[action] ??= {})[code] = added;
    }
  }
  return tally;
}

/** Requests of one user by "verb resource[/subresource]", e.g. "patch pods" or "update eipclaims/status". */
export function requestsOf(user: string, log: RequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of log) {
    if (entry.user !== user) continue;
    const key = `${entry.verb} ${entry.resource ?? entry.path}${entry.subresource ? `/${entry.subresource}` : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return sortedByKey(counts);
}

export function perClaim(counts: Record<string, number>, claims: number): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([key, count]) => [key, round(count / claims, 3)]));
}

export function sum(counts: Record<string, number>, keys: (key: string) => boolean = () => true): number {
  return Object.entries(counts).reduce((total, [key, count]) => (keys(key) ? total + count : total), 0);
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function sortedByKey(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
