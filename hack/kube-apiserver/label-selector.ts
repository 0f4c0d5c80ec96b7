/** Label selectors in their string form: `a=b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`. */
import { badRequest } from './api-errors.js';

type Requirement = (labels: Record<string, string>) => boolean;

function splitOutsideParentheses(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function parseSet(text: string): Set<string> {
  return new Set(text.split(',').map((value) => value.trim()));
}

function parseRequirement(term: string): Requirement {
  const setMatch = /^([^\s!=]+)\s+(in|notin)\s+\((.*)\)$/.exec(term);
  if (setMatch) {
    const [, key, operator, values] = setMatch as unknown as [string, string, string, string];
    const allowed = parseSet(values);
    return operator === 'in'
      ? (labels) => key in labels && allowed.has(labels[key]!)
      : (labels) => !(key in labels) || !allowed.has(labels[key]!);
  }
  const equality = /^([^\s!=]+)\s*(==|=|!=)\s*([^\s]*)$/.exec(term);
  if (equality) {
    const [, key, operator, value] = equality as unknown as [string, string, string, string];
    return operator === '!=' ? (labels) => labels[key] !== value : (labels) => labels[key] === value;
  }
  const absent = /^!\s*([^\s!=]+)$/.exec(term);
  if (absent) return (labels) => !(absent[1]! in labels);
  if (/^[^\s!=(),]+$/.test(term)) return (labels) => term in labels;
  throw badRequest(`unable to parse requirement: ${term}`);
}

export type LabelMatcher = (labels: Record<string, string> | undefined) => boolean;

export function parseLabelSelector(selector: string | undefined): LabelMatcher {
  const requirements = splitOutsideParentheses(selector ?? '').map(parseRequirement);
  return (labels) => requirements.every((matches) => matches(labels ?? {}));
}

/** A `LabelSelector` object (matchLabels + matchExpressions) in its string form, as Scale.status.selector shows. */
export function formatLabelSelector(selector: Record<string, any> | undefined): string {
  const terms = Object.entries(selector?.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`);
  for (const expression of selector?.matchExpressions ?? []) {
    const values = (expression.values ?? []).join(',');
    if (expression.operator === 'In') terms.push(`${expression.key} in (${values})`);
    if (expression.operator === 'NotIn') terms.push(`${expression.key} notin (${values})`);
    if (expression.operator === 'Exists') terms.push(expression.key);
    if (expression.operator === 'DoesNotExist') terms.push(`!${expression.key}`);
  }
  return terms.join(',');
}
