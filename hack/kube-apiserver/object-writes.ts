/** How a create or an update turns the client's object into the object to store. */
import { randomUUID } from 'node:crypto';
import { badRequest } from './api-errors.js';
import { deepEqual } from './deep-equal.js';
import type { KubeObject, ResourceType } from './resource-type.js';

const generateNameAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

function randomSuffix(): string {
  return Array.from({ length: 5 }, () => generateNameAlphabet[Math.floor(Math.random() * generateNameAlphabet.length)]).join('');
}

/** The server-owned metadata a client cannot set or change. */
const serverOwnedMetadata = ['uid', 'creationTimestamp', 'generation', 'deletionTimestamp', 'deletionGracePeriodSeconds'] as const;

export function checkKind(type: ResourceType, body: KubeObject): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('the request body is not a JSON object');
  if (body.kind && body.kind !== type.kind) {
    throw badRequest(`the kind in the request body (${body.kind}) does not match the kind of the resource (${type.kind})`);
  }
}

export function checkNamespaceMatches(body: KubeObject, namespace: string | undefined): void {
  const given = body.metadata?.namespace;
  if (given && namespace && given !== namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
}

export function checkNameMatches(body: KubeObject, name: string): void {
  const given = body.metadata?.name;
  if (given && given !== name) throw badRequest(`the name of the object (${given}) does not match the name on the URL (${name})`);
}

/** Nodes are the one kind whose status the creator may set (the kubelet registers a node with it). */
function keepsStatusOnCreate(type: ResourceType): boolean {
  return !type.hasStatus || (type.group === '' && type.plural === 'nodes');
}

/** `body` must be the caller's own copy (a freshly parsed request body): the stored object shares its parts. */
export function prepareForCreate(type: ResourceType, body: KubeObject, namespace: string | undefined, now: Date): KubeObject {
  const metadata: KubeObject = { ...body.metadata };
  for (const field of [...serverOwnedMetadata, 'resourceVersion', 'managedFields', 'selfLink']) delete metadata[field];
  if (!metadata.name && metadata.generateName) metadata.name = `${metadata.generateName}${randomSuffix()}`;
  if (type.namespaced) metadata.namespace = namespace;
  else delete metadata.namespace;
  metadata.uid = randomUUID();
  metadata.creationTimestamp = now.toISOString().replace(/\.\d+Z$/, 'Z');
  if (type.tracksGeneration) metadata.generation = 1;
  const object: KubeObject = { ...body, metadata };
  if (!keepsStatusOnCreate(type)) delete object.status;
  return object;
}

function withoutMetadataAndStatus(object: KubeObject, type: ResourceType): KubeObject {
  const { metadata: _metadata, status, ...rest } = object;
  return type.hasStatus ? rest : { ...rest, status };
}

/**
 * The object an update stores: a main-resource write keeps the stored status, a status write keeps
 * everything but the status; server-owned metadata always stays, and a spec change bumps generation.
 */
export function prepareForUpdate(type: ResourceType, old: KubeObject, body: KubeObject, subresource: string | undefined): KubeObject {
  const next: KubeObject =
    subresource === 'status' ? { ...structuredClone(old), status: structuredClone(body.status) } : structuredClone(body);
  if (subresource !== 'status' && type.hasStatus) next.status = structuredClone(old.status);
  if (next.status === undefined) delete next.status;
  const metadata: KubeObject = { ...next.metadata, name: old.metadata.name, namespace: old.metadata.namespace };
  if (!type.namespaced) delete metadata.namespace;
  for (const field of serverOwnedMetadata) {
    if (old.metadata[field] === undefined) delete metadata[field];
    else metadata[field] = old.metadata[field];
  }
  delete metadata.managedFields;
  next.metadata = metadata;
  if (type.tracksGeneration && !deepEqual(withoutMetadataAndStatus(old, type), withoutMetadataAndStatus(next, type))) {
    metadata.generation = (old.metadata.generation ?? 0) + 1;
  }
  return next;
}

export function isUnchanged(old: KubeObject, next: KubeObject): boolean {
  return deepEqual({ ...old, metadata: { ...old.metadata, resourceVersion: undefined } }, { ...next, metadata: { ...next.metadata, resourceVersion: undefined } });
}

/** Whether an update leaves a deleting object with nothing to wait for, so that it is removed. */
export function isReadyToRemove(object: KubeObject): boolean {
  const metadata = object.metadata;
  return Boolean(metadata.deletionTimestamp) && (metadata.finalizers ?? []).length === 0 && (metadata.deletionGracePeriodSeconds ?? 0) === 0;
}
