/**
 * Built-in types are decoded into Go structs by kube-apiserver, so some JSON it accepts is refused
 * and some comes back changed (apimachinery pkg/apis/meta/v1 time.go and micro_time.go, Go's
 * encoding/json): a `metav1.Time` is stored at second precision (RFC 3339, fractions dropped); a
 * `metav1.MicroTime` must carry exactly 6 fractional digits (layout 2006-01-02T15:04:05.000000Z07:00);
 * an int32 field takes only integers in range. A failure is a 400 decoding error.
 */
import { badRequest } from './api-errors.js';
import type { KubeObject } from './resource-type.js';

type FieldType = 'Time' | 'MicroTime' | 'int32';

interface TypedField {
  /** Dotted path, `[]` for every item of a list. */
  path: string;
  type: FieldType;
  /** The Go struct holding the field, as encoding/json names it in errors. */
  struct: string;
}

const fieldsByResource: Record<string, TypedField[]> = {
  'coordination.k8s.io/leases': [
    { path: 'spec.acquireTime', type: 'MicroTime', struct: 'LeaseSpec' },
    { path: 'spec.renewTime', type: 'MicroTime', struct: 'LeaseSpec' },
    { path: 'spec.leaseDurationSeconds', type: 'int32', struct: 'LeaseSpec' },
    { path: 'spec.leaseTransitions', type: 'int32', struct: 'LeaseSpec' },
  ],
  '/events': [
    { path: 'firstTimestamp', type: 'Time', struct: 'Event' },
    { path: 'lastTimestamp', type: 'Time', struct: 'Event' },
    { path: 'eventTime', type: 'MicroTime', struct: 'Event' },
    { path: 'count', type: 'int32', struct: 'Event' },
    { path: 'series.count', type: 'int32', struct: 'EventSeries' },
    { path: 'series.lastObservedTime', type: 'MicroTime', struct: 'EventSeries' },
  ],
  '/pods': [
    { path: 'status.startTime', type: 'Time', struct: 'PodStatus' },
    { path: 'status.conditions[].lastProbeTime', type: 'Time', struct: 'PodCondition' },
    { path: 'status.conditions[].lastTransitionTime', type: 'Time', struct: 'PodCondition' },
    { path: 'spec.containers[].ports[].containerPort', type: 'int32', struct: 'ContainerPort' },
  ],
};

const TIME_LAYOUT = '2006-01-02T15:04:05Z07:00';
const MICRO_TIME_LAYOUT = '2006-01-02T15:04:05.000000Z07:00';
const rfc3339 = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const INT32_RANGE = 2 ** 31;

/** Go's time.ParseError for the usual mistakes: the part of the value from where it stops matching. */
function parseError(value: string, layout: string): string {
  const match = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.exec(value);
  const [valueElement, layoutElement] = match ? [value.slice(match[0].length), layout.slice(19)] : [value, layout];
  return `parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(valueElement)} as ${JSON.stringify(layoutElement.replace(/Z07:00$/, '') || 'Z07:00')}`;
}

function decodeTime(value: unknown): unknown {
  if (value === null || typeof value !== 'string') return value;
  const match = rfc3339.exec(value);
  if (!match || Number.isNaN(Date.parse(value))) throw new TypeError(parseError(value, TIME_LAYOUT));
  return new Date(value).toISOString().replace(/\.\d+Z$/, 'Z');
}

function decodeMicroTime(value: unknown): unknown {
  if (value === null || typeof value !== 'string') return value;
  const match = rfc3339.exec(value);
  if (!match || match[2]?.length !== 7 || Number.isNaN(Date.parse(value))) throw new TypeError(parseError(value, MICRO_TIME_LAYOUT));
  return `${new Date(value).toISOString().replace(/\.\d+Z$/, '')}${match[2]}Z`;
}

function decodeInt32(value: unknown, field: TypedField): unknown {
  if (value === null || (Number.isInteger(value) && Math.abs(value as number) < INT32_RANGE)) return value;
  const shown = typeof value === 'number' ? `number ${value}` : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value;
  throw new TypeError(`json: cannot unmarshal ${shown} into Go struct field ${field.struct}.${field.path.replaceAll('[]', '')} of type int32`);
}

function decode(value: unknown, field: TypedField): unknown {
  if (field.type === 'Time') return decodeTime(value);
  if (field.type === 'MicroTime') return decodeMicroTime(value);
  return decodeInt32(value, field);
}

/** The object with `field` decoded wherever the path reaches; objects are copied, never changed. */
function withDecoded(node: unknown, segments: string[], field: TypedField): unknown {
  if (node === null || typeof node !== 'object') return node;
  const [head, ...rest] = segments;
  const list = head!.endsWith('[]');
  const key = list ? head!.slice(0, -2) : head!;
  const record = node as Record<string, unknown>;
  if (!(key in record)) return node;
  const child = record[key];
  const decodeChild = (item: unknown) => (rest.length === 0 ? decode(item, field) : withDecoded(item, rest, field));
  const next = list ? (Array.isArray(child) ? child.map(decodeChild) : child) : decodeChild(child);
  return { ...record, [key]: next };
}

/** A built-in object as kube-apiserver would decode and re-encode it; 400 when it cannot be decoded. */
export function decodedObject(resource: string, kind: string, version: string, object: KubeObject): KubeObject {
  try {
    return (fieldsByResource[resource] ?? []).reduce<KubeObject>((current, field) => withDecoded(current, field.path.split('.'), field) as KubeObject, object);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw badRequest(`${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${error.message}`);
  }
}
