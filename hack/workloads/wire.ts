/**
 * Helpers for objects as the API server sends them. client-node types timestamps as Date, but
 * objects from a watch carry RFC 3339 strings and its serializer passes strings through unchanged.
 */
import type { KubernetesObject, V1OwnerReference } from '@kubernetes/client-node';

/** RFC 3339 with whole seconds, as the API server writes metav1.Time. */
export function wireTime(date: Date): Date {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z') as unknown as Date;
}

/** Deep equality of two JSON-like values, timestamps compared to the second whether Date or string. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * JSON with sorted keys, no undefined fields and wire timestamps: the same text whether the object
 * came from a typed list (deserialized, client-node's key order) or from a watch (raw JSON).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

function canonical(value: unknown): unknown {
  if (value instanceof Date) return wireTime(value);
  if (typeof value === 'string' && TIMESTAMP.test(value)) return wireTime(new Date(value));
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, field]) => field !== undefined);
    return Object.fromEntries(entries.sort(([x], [y]) => x.localeCompare(y)).map(([key, field]) => [key, canonical(field)]));
  }
  return value;
}

export function objectKey(object: KubernetesObject): string {
  return `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

function controllerOf(object: KubernetesObject): V1OwnerReference | undefined {
  return object.metadata?.ownerReferences?.find((reference) => reference.controller === true);
}

/** The key of the object's controller if it is of the given kind, e.g. the StatefulSet of a pod. */
export function controllerKey(object: KubernetesObject, kind: string): string | undefined {
  const owner = controllerOf(object);
  return owner?.kind === kind ? `${object.metadata?.namespace ?? ''}/${owner.name}` : undefined;
}

export function isControlledBy(object: KubernetesObject, owner: KubernetesObject): boolean {
  return controllerOf(object)?.uid === owner.metadata?.uid;
}

export function controllerReference(owner: KubernetesObject, kind: string): V1OwnerReference {
  return {
    apiVersion: 'apps/v1',
    kind,
    name: owner.metadata!.name!,
    uid: owner.metadata!.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** HTTP status of a failed client-node call (ApiException.code), if any. */
export function httpStatusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Runs a write whose target may already be in the wanted state: the given HTTP codes count as done. */
export async function ignoringAlreadyDone(write: () => Promise<unknown>, ...codes: number[]): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!codes.includes(httpStatusOf(error) ?? 0)) throw error;
  }
}
