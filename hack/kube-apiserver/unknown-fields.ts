/**
 * The fields of a written object its type does not declare, which kube-apiserver drops when it decodes
 * the object. Custom resources: what their schema prunes. Built-in types (no schemas here): only the
 * top-level keys and the `metadata` keys are checked; anything deeper is kept as sent.
 */
import { isPlainObject } from './merge-patch.js';
import type { KubeObject, ResourceType } from './resource-type.js';

export interface SeparatedFields {
  known: KubeObject;
  /** Paths of the dropped fields (`spec.foo`, `metadata.bar`), sorted. */
  unknown: string[];
}

const typeMetaFields = ['apiVersion', 'kind', 'metadata'];

const objectMetaFields = new Set([
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
]);

function keepOnly(object: KubeObject, isKnown: (key: string) => boolean, prefix: string): SeparatedFields {
  const known: KubeObject = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (isKnown(key)) known[key] = value;
    else unknown.push(`${prefix}${key}`);
  }
  return { known, unknown };
}

function separateBody(type: ResourceType, object: KubeObject): SeparatedFields {
  if (type.schema) {
    const { kept, pruned } = type.schema.prune(object);
    return { known: kept, unknown: pruned };
  }
  const declared = new Set([...typeMetaFields, ...(type.topLevelFields ?? [])]);
  return keepOnly(object, (key) => declared.has(key), '');
}

export function separateUnknownFields(type: ResourceType, object: KubeObject): SeparatedFields {
  const body = separateBody(type, object);
  if (!isPlainObject(body.known.metadata)) return { known: body.known, unknown: body.unknown.sort() };
  const metadata = keepOnly(body.known.metadata, (key) => objectMetaFields.has(key), 'metadata.');
  return { known: { ...body.known, metadata: metadata.known }, unknown: [...body.unknown, ...metadata.unknown].sort() };
}
