/**
 * What the sandbox's live view shows, as pure functions of what it observed: the screen redrawn on a
 * terminal, and the timestamped lines printed when stdout is not one.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { ageOf } from '../kube-apiserver/human-duration.js';

export interface ClaimView {
  metadata: { name: string; namespace: string; uid?: string; creationTimestamp?: string };
  status?: {
    phase?: string;
    publicIP?: string;
    addressId?: string;
    privateIP?: string;
    ownership?: string;
    conditions?: Array<{ type: string; status: string }>;
  };
}

export interface WarningView {
  kind: string;
  namespace: string;
  name: string;
  reason: string;
  message: string;
  /** ISO time of the latest occurrence. */
  at: string;
}

/** One poll's worth: the pods that ask for an EIP, every claim, Warning events, and the cloud calls so far. */
export interface Observation {
  pods: V1Pod[];
  claims: ClaimView[];
  warnings: WarningView[];
  cloudCalls?: number;
}

export interface ReleasedClaim {
  namespace: string;
  name: string;
  addressId: string;
  publicIP: string;
  ownership: string;
  at: string;
}

export interface ViewState extends Observation {
  /** Claims seen before and gone since, oldest first. */
  released: ReleasedClaim[];
}

export const COLUMNS = ['NAMESPACE', 'NAME', 'PUBLIC-IP', 'ADDRESS', 'PHASE', 'READY', 'POD-IP', 'AGE'] as const;
const PHASE_ORDER = ['Pending', 'Allocated', 'Bound', 'Retained', 'Releasing'];
const WARNINGS_SHOWN = 5;
const RELEASES_SHOWN = 5;
const NONE = '-';

/** The new state: the observation, plus a release for each claim (by uid) that was there and is gone. */
export function nextState(previous: ViewState | undefined, observed: Observation, now: Date): ViewState {
  const present = new Set(observed.claims.map((claim) => claim.metadata.uid));
  const gone = (previous?.claims ?? []).filter((claim) => !present.has(claim.metadata.uid)).map((claim) => releaseOf(claim, now));
  return { ...observed, released: [...(previous?.released ?? []), ...gone] };
}

function releaseOf(claim: ClaimView, now: Date): ReleasedClaim {
  return {
    namespace: claim.metadata.namespace,
    name: claim.metadata.name,
    addressId: claim.status?.addressId ?? NONE,
    publicIP: claim.status?.publicIP ?? NONE,
    ownership: claim.status?.ownership ?? 'Owned',
    at: now.toISOString(),
  };
}

/** One row per claim, and one per asking pod that has no claim yet; sorted like kubectl, by namespace then name. */
export function tableRows(state: Observation, now: Date): string[][] {
  const podsByKey = new Map(state.pods.map((pod) => [`${pod.metadata?.namespace}/${pod.metadata?.name}`, pod]));
  const claimRows = state.claims.map((claim) => {
    const key = `${claim.metadata.namespace}/${claim.metadata.name}`;
    const pod = podsByKey.get(key);
    podsByKey.delete(key);
    const status = claim.status ?? {};
    const ready = status.conditions?.find((condition) => condition.type === 'Ready')?.status;
    const podIP = pod?.status?.podIP ?? status.privateIP;
    return [claim.metadata.namespace, claim.metadata.name, status.publicIP ?? NONE, status.addressId ?? NONE, status.phase ?? NONE, ready ?? NONE, podIP ?? NONE, ageOf(claim.metadata.creationTimestamp, now)];
  });
  const unclaimed = [...podsByKey.values()].map((pod) => [
    pod.metadata?.namespace ?? '',
    pod.metadata?.name ?? '',
    NONE,
    NONE,
    NONE,
    NONE,
    pod.status?.podIP ?? NONE,
    ageOf(pod.metadata?.creationTimestamp?.toString(), now),
  ]);
  return [...claimRows, ...unclaimed].sort((a, b) => a[0]!.localeCompare(b[0]!) || a[1]!.localeCompare(b[1]!));
}

/** Columns padded to their widest cell, three spaces apart, as `kubectl get` prints them. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('   ').trimEnd());
}

export function summaryLine(state: Observation): string {
  const phases = new Map<string, number>();
  for (const claim of state.claims) phases.set(claim.status?.phase ?? 'Pending', (phases.get(claim.status?.phase ?? 'Pending') ?? 0) + 1);
  const byPhase = [...phases].sort(([a], [b]) => phaseRank(a) - phaseRank(b)).map(([phase, count]) => `${count} ${phase}`);
  const bound = state.claims.filter((claim) => claim.status?.phase === 'Bound' && claim.status.publicIP).length;
  return [
    `pods asking for an EIP: ${state.pods.length}`,
    `claims: ${byPhase.length ? byPhase.join(', ') : 'none'}`,
    `public IPs bound: ${bound}`,
    `cloud calls: ${state.cloudCalls ?? '?'}`,
  ].join('   ');
}

function phaseRank(phase: string): number {
  const rank = PHASE_ORDER.indexOf(phase);
  return rank === -1 ? PHASE_ORDER.length : rank;
}

/** The same warning on the pod and on its claim is shown once, as the pod's; the latest first. */
export function latestWarnings(warnings: WarningView[], count = WARNINGS_SHOWN): WarningView[] {
  const byWhat = new Map<string, WarningView>();
  for (const warning of warnings) {
    const key = `${warning.namespace}/${warning.name} ${warning.reason} ${warning.message}`;
    const kept = byWhat.get(key);
    const shown = kept?.kind === 'Pod' ? kept : warning;
    byWhat.set(key, { ...shown, at: kept && kept.at > warning.at ? kept.at : warning.at });
  }
  return [...byWhat.values()].sort((a, b) => b.at.localeCompare(a.at)).slice(0, count);
}

/** The whole terminal screen: introduction, table, summary, latest warnings, latest releases. */
export function screenLines(state: ViewState, intro: string[], now: Date): string[] {
  const warnings = latestWarnings(state.warnings);
  const releases = state.released.slice(-RELEASES_SHOWN).reverse();
  return [
    ...intro,
    '',
    ...alignColumns([COLUMNS, ...tableRows(state, now)]),
    '',
    summaryLine(state),
    '',
    warnings.length ? 'LATEST WARNINGS' : 'no warnings',
    ...(warnings.length
      ? alignColumns([['AGE', 'OBJECT', 'REASON', 'MESSAGE'], ...warnings.map((warning) => [ageOf(warning.at, now), objectOf(warning), warning.reason, warning.message])])
      : []),
    ...(releases.length ? ['', 'RELEASED', ...releases.map((release) => releaseLine(release))] : []),
    '',
    '(Ctrl-C to stop)',
  ];
}

function objectOf(warning: WarningView): string {
  return `${warning.kind.toLowerCase()}/${warning.name}`;
}

function releaseLine(release: ReleasedClaim): string {
  const what = release.ownership === 'Static' ? 'unbound (static, kept)' : 'released';
  return `claim ${release.namespace}/${release.name} gone: address ${release.addressId} (${release.publicIP}) ${what}`;
}

/** For a pipe or a log: one timestamped line per claim row that changed (age aside), per new warning, per release. */
export function changeLines(previous: ViewState | undefined, state: ViewState, now: Date): string[] {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const before = new Set(previous ? tableRows(previous, now).map(rowLine) : []);
  const rows = tableRows(state, now).map(rowLine).filter((line) => !before.has(line));
  const seenWarnings = new Set((previous?.warnings ?? []).map(warningKey));
  const warnings = latestWarnings(state.warnings.filter((warning) => !seenWarnings.has(warningKey(warning))), Infinity).reverse();
  const releases = state.released.slice(previous?.released.length ?? 0);
  return [
    ...rows,
    ...warnings.map((warning) => `Warning ${warning.reason} ${objectOf(warning)} -n ${warning.namespace}: ${warning.message}`),
    ...releases.map(releaseLine),
  ].map((line) => `${stamp}  ${line}`);
}

/** A row as a line without its AGE column, which changes every second. */
function rowLine(row: string[]): string {
  return COLUMNS.slice(0, -1).map((column, index) => (index < 2 ? row[index] : `${column.toLowerCase()}=${row[index]}`)).join(' ').replace(/^(\S+) (\S+)/, '$1/$2');
}

function warningKey(warning: WarningView): string {
  return `${warning.kind}/${warning.namespace}/${warning.name} ${warning.reason} ${warning.message} ${warning.at}`;
}
