/**
 * CRD validation rules (`x-kubernetes-validations`, Kubernetes docs "Validation rules" in "Extend the
 * Kubernetes API with CustomResourceDefinitions"): each rule is a CEL expression evaluated with `self`
 * bound to the value at its schema node (and `oldSelf` to the stored value on an update; rules
 * using `oldSelf` are transition rules, skipped on create and inside lists). A false result →
 * `<path>: Invalid value: "<type>": <message>` (or `failed rule: <rule>`), as apiextensions-apiserver
 * reports it. Evaluation is @marcbachmann/cel-js; a rule it cannot evaluate (a Kubernetes CEL library
 * function it lacks, such as isURL) is skipped with a one-time warning, never rejected.
 */
import { evaluate } from '@marcbachmann/cel-js';
import type { StatusCause } from './api-errors.js';
import { isPlainObject } from './merge-patch.js';

type Schema = Record<string, any>;

interface Rule {
  rule: string;
  message?: string;
  reason?: string;
  fieldPath?: string;
}

const warned = new Set<string>();

function warnSkipped(rule: Rule, error: unknown): void {
  if (warned.has(rule.rule)) return;
  warned.add(rule.rule);
  process.emitWarning(`CEL rule skipped, it cannot be evaluated here (${(error as Error).message.split('\n')[0]}): ${rule.rule}`);
}

/** CEL has distinct int and double types; the schema says which a JSON number is. */
function celValue(value: unknown, schema: Schema | undefined): unknown {
  if (schema?.type === 'integer' && Number.isInteger(value)) return BigInt(value as number);
  if (Array.isArray(value)) return value.map((item) => celValue(item, schema?.items));
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, celValue(child, schema?.properties?.[key] ?? schema?.additionalProperties)]));
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function failure(rule: Rule, schema: Schema, path: string): StatusCause {
  const message = rule.message ?? `failed rule: ${rule.rule}`;
  // apimachinery prints a root rule's nil field.Path as "<nil>".
  const field = (rule.fieldPath ? `${path}${rule.fieldPath}` : path) || '<nil>';
  return { reason: rule.reason ?? 'FieldValueInvalid', message: `Invalid value: "${schema.type ?? 'object'}": ${message}`, field };
}

function holds(rule: Rule, schema: Schema, value: unknown, old: unknown): boolean {
  const transition = /\boldSelf\b/.test(rule.rule);
  if (transition && old === undefined) return true;
  try {
    const bindings = { self: celValue(value, schema), ...(transition ? { oldSelf: celValue(old, schema) } : {}) };
    return evaluate(rule.rule, bindings) === true;
  } catch (error) {
    warnSkipped(rule, error);
    return true;
  }
}

function collect(schema: Schema | undefined, value: unknown, old: unknown, path: string, causes: StatusCause[]): void {
  if (!schema || value === undefined || value === null) return;
  for (const rule of (schema['x-kubernetes-validations'] ?? []) as Rule[]) {
    if (!holds(rule, schema, value, old)) causes.push(failure(rule, schema, path));
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => collect(schema.items, item, undefined, childPath(path, index), causes));
    return;
  }
  if (!isPlainObject(value)) return;
  const oldObject = isPlainObject(old) ? (old as Record<string, unknown>) : {};
  for (const [key, child] of Object.entries(value)) {
    const childSchema = schema.properties?.[key] ?? (isPlainObject(schema.additionalProperties) ? schema.additionalProperties : undefined);
    collect(childSchema, child, oldObject[key], childPath(path, key), causes);
  }
}

/** The rules an object breaks, from the root schema down; `old` is the stored object on an update. */
export function celViolations(schema: Schema, object: unknown, old?: unknown): StatusCause[] {
  const causes: StatusCause[] = [];
  collect(schema, object, old, '', causes);
  return causes;
}
