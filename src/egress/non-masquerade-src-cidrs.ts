/**
 * SPEC §11 "Egress through the EIP", the pure part: the next `data.config` of ip-masq-agent-config,
 * whose NonMasqueradeSrcCIDRs = the user's own entries + one entry per Bound pod. podeip knows which
 * entries it added from its annotation, so an entry a person wrote is never removed, even one equal
 * to a pod's. Only that list's text changes: every other byte of data.config stays as it was.
 */
import { applyEdits, modify, parse, type FormattingOptions, type ParseError } from 'jsonc-parser';

export const SRC_CIDRS_KEY = 'NonMasqueradeSrcCIDRs';

export type ConfigPlan =
  /** The list already holds what it should, and the annotation says so. */
  | { kind: 'in-place' }
  | { kind: 'write'; configText: string; tracked: string[] }
  /** podeip will not edit this config; `problem` says why, in words for a person. */
  | { kind: 'unusable'; problem: string };

/** `tracked`: what podeip's annotation says it added; `wanted`: one entry per Bound pod. */
export function planSrcCidrs(configText: string | undefined, tracked: readonly string[], wanted: readonly string[]): ConfigPlan {
  if (configText === undefined) return { kind: 'unusable', problem: 'it has no data.config' };
  const errors: ParseError[] = [];
  const config: unknown = parse(configText, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !isPlainObject(config)) return { kind: 'unusable', problem: 'its data.config is not a JSON object (podeip edits the JSON form TKE writes)' };
  const key = srcCidrsKeyOf(config);
  const current = config[key] ?? [];
  if (!isStringList(current)) return { kind: 'unusable', problem: `its data.config ${key} is not a list of strings` };
  // One occurrence per tracked entry is podeip's: a second copy a person added is theirs, and stays.
  const untaken = new Set(tracked);
  const own = current.filter((entry) => !untaken.delete(entry));
  const ownSet = new Set(own);
  const ours = [...new Set(wanted)].filter((entry) => !ownSet.has(entry)).sort();
  const next = [...own, ...ours];
  if (sameList(next, current) && sameList(ours, [...tracked].sort())) return { kind: 'in-place' };
  const nextText = sameList(next, current) ? configText : applyEdits(configText, modify(configText, [key], next, { formattingOptions: formattingOf(configText) }));
  return { kind: 'write', configText: nextText, tracked: ours };
}

/** The entry that makes a pod's own outbound traffic skip SNAT. */
export function hostCidrOf(ip: string): string {
  return ip.includes(':') ? `${ip}/128` : `${ip}/32`;
}

/** podeip's annotation value: the entries it added, sorted, as a JSON list. */
export function formatTracked(entries: readonly string[]): string {
  return JSON.stringify([...entries].sort());
}

/** An annotation that is not a JSON list of strings tracks nothing: podeip then removes nothing it cannot prove it added. */
export function parseTracked(annotation: string | undefined): string[] {
  if (annotation === undefined) return [];
  try {
    const value: unknown = JSON.parse(annotation);
    return isStringList(value) ? value : [];
  } catch {
    return [];
  }
}

/** ip-masq-agent decodes with Go's encoding/json, which matches keys exactly first and then ignoring case. */
function srcCidrsKeyOf(config: Record<string, unknown>): string {
  if (SRC_CIDRS_KEY in config) return SRC_CIDRS_KEY;
  return Object.keys(config).find((key) => key.toLowerCase() === SRC_CIDRS_KEY.toLowerCase()) ?? SRC_CIDRS_KEY;
}

/** One-line JSON (TKE's form) stays on one line; an indented one gets the new list indented alike. */
function formattingOf(text: string): FormattingOptions | undefined {
  if (!text.includes('\n')) return undefined;
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((entry, index) => entry === b[index]);
}
