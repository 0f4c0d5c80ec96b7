/**
 * A CRD version's structural OpenAPI v3 schema: pruning of unknown fields and defaulting of absent
 * ones (`default`), then validation with ajv (types, enums, required, patterns, bounds, formats)
 * and, for an object that passes, its CEL rules (x-kubernetes-validations, see cel-rules.ts).
 */
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { StatusCause } from './api-errors.js';
import { celViolations } from './cel-rules.js';
import { isPlainObject } from './merge-patch.js';

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

type Schema = Record<string, any>;

function createAjv(): InstanceType<typeof Ajv> {
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'quantity']) ajv.addFormat(format, true);
  for (const keyword of [
    'x-kubernetes-preserve-unknown-fields',
    'x-kubernetes-embedded-resource',
    'x-kubernetes-list-type',
    'x-kubernetes-list-map-keys',
    'x-kubernetes-map-type',
    'x-kubernetes-validations',
  ]) {
    ajv.addKeyword({ keyword });
  }
  ajv.addKeyword({
    keyword: 'x-kubernetes-int-or-string',
    schemaType: 'boolean',
    validate: (enabled: boolean, data: unknown) => !enabled || typeof data === 'string' || Number.isInteger(data),
    errors: false,
  });
  return ajv;
}

const ajv = createAjv();

function fieldPath(instancePath: string, extra?: string): string {
  const segments = instancePath.split('/').filter((segment) => segment !== '');
  if (extra) segments.push(extra);
  return segments.map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`)).join('').slice(1);
}

function valueAt(object: unknown, instancePath: string): unknown {
  return instancePath
    .split('/')
    .filter((segment) => segment !== '')
    .reduce<any>((current, segment) => current?.[segment], object);
}

/** kube-openapi's wording for the bounds and patterns ajv reports. */
function complaintOf(error: ErrorObject): string {
  const limit = error.params.limit;
  switch (error.keyword) {
    case 'minimum':
      return `should be greater than or equal to ${limit}`;
    case 'maximum':
      return `should be less than or equal to ${limit}`;
    case 'minLength':
      return `should be at least ${limit} chars long`;
    case 'maxLength':
      return `should be at most ${limit} chars long`;
    case 'minItems':
      return `should have at least ${limit} items`;
    case 'maxItems':
      return `should have at most ${limit} items`;
    case 'pattern':
      return `should match '${error.params.pattern}'`;
    default:
      return error.message ?? 'is invalid';
  }
}

function causeOf(error: ErrorObject, object: unknown): StatusCause {
  const value = JSON.stringify(valueAt(object, error.instancePath));
  const field = fieldPath(error.instancePath);
  switch (error.keyword) {
    case 'required': {
      const missing = fieldPath(error.instancePath, String(error.params.missingProperty));
      return { reason: 'FieldValueRequired', message: 'Required value', field: missing };
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map((item) => JSON.stringify(item)).join(', ');
      return { reason: 'FieldValueNotSupported', message: `Unsupported value: ${value}: supported values: ${allowed}`, field };
    }
    case 'type':
      return { reason: 'FieldValueTypeInvalid', message: `Invalid value: ${value}: ${field} in body must be of type ${error.params.type}: ${value}`, field };
    case 'x-kubernetes-int-or-string':
      return { reason: 'FieldValueTypeInvalid', message: `Invalid value: ${value}: ${field} in body must be of type integer,string: ${value}`, field };
    default:
      return { reason: 'FieldValueInvalid', message: `Invalid value: ${value}: ${field} in body ${complaintOf(error)}`, field };
  }
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/**
 * Drops what the schema does not declare (`pruned` collects the dropped paths: `spec.foo`,
 * `spec.items[0].bar`) and fills absent properties that have a default, as kube-apiserver does for
 * every object it decodes (a defaulted object gets its own properties' defaults too).
 */
function prune(value: unknown, schema: Schema | undefined, path: string, pruned: string[]): unknown {
  if (!schema || schema['x-kubernetes-preserve-unknown-fields'] === true && !schema.properties) return value;
  if (Array.isArray(value)) return value.map((item, index) => prune(item, schema.items, childPath(path, index), pruned));
  if (!isPlainObject(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const at = childPath(path, key);
    if (path === '' && ['apiVersion', 'kind', 'metadata'].includes(key)) kept[key] = child;
    else if (schema.properties?.[key]) kept[key] = prune(child, schema.properties[key], at, pruned);
    else if (isPlainObject(schema.additionalProperties)) kept[key] = prune(child, schema.additionalProperties, at, pruned);
    else if (schema.additionalProperties === true || schema['x-kubernetes-preserve-unknown-fields'] === true) kept[key] = child;
    else pruned.push(at);
  }
  for (const [key, property] of Object.entries<Schema>(schema.properties ?? {})) {
    if (!(key in kept) && property.default !== undefined) kept[key] = prune(structuredClone(property.default), property, childPath(path, key), []);
  }
  return kept;
}

/** The root schema without `metadata`, which the server validates itself, as kube-apiserver does. */
function withoutMetadata(schema: Schema): Schema {
  const properties = { ...(schema.properties ?? {}) };
  delete properties.metadata;
  return { ...schema, properties };
}

export class CrdSchema {
  private readonly validator: ValidateFunction;

  /** `schema` is the version's openAPIV3Schema as the CRD declares it. */
  constructor(readonly schema: Schema) {
    this.validator = ajv.compile(withoutMetadata(schema));
  }

  /** The object without the fields the schema does not declare, and the paths of those fields. */
  prune<T>(object: T): { kept: T; pruned: string[] } {
    const pruned: string[] = [];
    const kept = prune(object, this.schema, '', pruned) as T;
    return { kept, pruned };
  }

  /** Field errors of an (already pruned) object; empty when it is valid. `old` is the stored object on an update. */
  violations(object: unknown, old?: unknown): StatusCause[] {
    if (this.validator(object)) return celViolations(this.schema, object, old);
    return (this.validator.errors ?? []).map((error) => causeOf(error, object));
  }
}
