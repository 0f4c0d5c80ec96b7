/**
 * OpenAPI v3 discovery, as far as kubectl needs it: the root lists one document per group/version, and
 * each document has every patchable path with a `patch` operation that names its group/version/kind
 * and declares the `fieldValidation` query parameter, so kubectl chooses server-side field validation
 * (cli-runtime query_param_verifier_v3.go). Custom resource documents also carry each kind's schema
 * (`components.schemas`, named `io.podeip.v1alpha1.EIPClaim` with `x-kubernetes-group-version-kind`, as
 * apiextensions-apiserver publishes them), which is what `kubectl explain` reads. Built-in documents
 * have no schemas and no request bodies: `kubectl explain pod` has nothing to read, and `kubectl
 * apply` keeps computing strategic merge patches from its compiled-in types.
 */
import { createHash } from 'node:crypto';
import { versionInfo } from './discovery.js';
import type { ResourceRegistry } from './resource-registry.js';
import type { ResourceType } from './resource-type.js';

type Json = Record<string, unknown>;

interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

const scaleKind: GroupVersionKind = { group: 'autoscaling', version: 'v1', kind: 'Scale' };

function queryParameter(name: string, type: string, description: string): Json {
  return { name, in: 'query', description, schema: { type, uniqueItems: true } };
}

const patchParameters = [
  queryParameter('dryRun', 'string', 'When present, the modifications are not persisted.'),
  queryParameter('fieldManager', 'string', 'The name of the actor making the change.'),
  queryParameter('fieldValidation', 'string', 'How to treat unknown fields: Ignore, Warn (the default) or Strict.'),
  queryParameter('force', 'boolean', 'Server-side apply: take over conflicting fields.'),
];

function pathParameter(name: string): Json {
  return { name, in: 'path', required: true, schema: { type: 'string', uniqueItems: true } };
}

/** The key of a group/version in the root document: `api/v1`, `apis/apps/v1`. */
function documentKey(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** kube-openapi's operation ids: `patchCoreV1NamespacedPod`, `patchAppsV1NamespacedStatefulSetScale`. */
function operationId(type: ResourceType, subresource: string): string {
  const group = type.group ? capitalized(type.group.split('.')[0]!) : 'Core';
  return `patch${group}${capitalized(type.version)}${type.namespaced ? 'Namespaced' : ''}${type.kind}${capitalized(subresource)}`;
}

function patchOperation(type: ResourceType, subresource: string, kind: GroupVersionKind): Json {
  const group = type.group ? type.group.split('.')[0]! : 'core';
  return {
    tags: [`${group}_${type.version}`],
    operationId: operationId(type, subresource),
    parameters: patchParameters,
    responses: { '200': { description: 'OK' }, '201': { description: 'Created' } },
    'x-kubernetes-action': 'patch',
    'x-kubernetes-group-version-kind': kind,
  };
}

function patchablePaths(type: ResourceType): Array<[string, Json]> {
  const scope = type.namespaced ? '/namespaces/{namespace}' : '';
  const item = `/${documentKey(type.group, type.version)}${scope}/${type.plural}/{name}`;
  const parameters = [pathParameter('name'), ...(type.namespaced ? [pathParameter('namespace')] : [])];
  const own = { group: type.group, version: type.version, kind: type.kind };
  const path = (suffix: string, subresource: string, kind: GroupVersionKind): [string, Json] => [
    `${item}${suffix}`,
    { parameters, patch: patchOperation(type, subresource, kind) },
  ];
  return [
    path('', '', own),
    ...(type.hasStatus ? [path('/status', 'status', own)] : []),
    ...(type.hasScale ? [path('/scale', 'scale', scaleKind)] : []),
  ];
}

/** Bindings are create-only: they have no patch operation. */
function isPatchable(type: ResourceType): boolean {
  return type.kind !== 'Binding';
}

/** `podeip.io` → `io.podeip`: the prefix of a custom resource's schema name. */
function reversedGroup(group: string): string {
  return group.split('.').reverse().join('.');
}

function schemasOf(resources: ResourceType[]): Json {
  const entries = resources.flatMap((type) => {
    if (!type.schema) return [];
    const gvk = [{ group: type.group, version: type.version, kind: type.kind }];
    return [[`${reversedGroup(type.group)}.${type.version}.${type.kind}`, { ...type.schema.schema, 'x-kubernetes-group-version-kind': gvk }]];
  });
  return Object.fromEntries(entries);
}

function hashOf(document: Json): string {
  return createHash('sha512').update(JSON.stringify(document)).digest('hex').toUpperCase();
}

function documents(registry: ResourceRegistry): Map<string, Json> {
  const documents = new Map<string, Json>();
  for (const { group, version, resources } of registry.groupVersions()) {
    const paths = Object.fromEntries(resources.filter(isPatchable).flatMap(patchablePaths));
    const schemas = schemasOf(resources);
    documents.set(documentKey(group, version), {
      openapi: '3.0.0',
      info: { title: 'Kubernetes', version: versionInfo.gitVersion },
      paths,
      components: Object.keys(schemas).length > 0 ? { schemas } : {},
    });
  }
  return documents;
}

/** `GET /openapi/v3`: each document's key with its URL, whose `hash` changes whenever the document does. */
export function openApiRoot(registry: ResourceRegistry): Json {
  const paths: Json = {};
  for (const [key, document] of documents(registry)) {
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hashOf(document)}` };
  }
  return { paths };
}

/** `GET /openapi/v3/api/v1` and the like; undefined for a group/version without a document. */
export function openApiDocument(registry: ResourceRegistry, key: string): Json | undefined {
  return documents(registry).get(key);
}
