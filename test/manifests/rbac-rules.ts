/**
 * What config/rbac lets the controller's ServiceAccount do, as installed by config/default (same
 * namespace and name prefix), and a matcher for single API requests. The integration suite compares
 * the local API server's request log against it: every call must be allowed, every grant used.
 */
import { renderOverlay, type ManifestObject } from './config-tree.js';

/** Shaped like the local API server's request log entries, which can be passed in directly. */
export interface ApiRequest {
  /** RBAC verb: get, list, watch, create, update, patch, delete, deletecollection. */
  verb: string;
  /** '' for the core group; absent for non-resource paths, which nothing here allows. */
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  /** Undefined for cluster-scoped requests and for requests across all namespaces. */
  namespace?: string;
}

/** One verb on one resource ("pods/status" for a subresource); namespace undefined = every namespace. */
export interface Grant {
  verb: string;
  apiGroup: string;
  resource: string;
  namespace?: string;
}

export interface ControllerRbac {
  grants: Grant[];
  allows(request: ApiRequest): boolean;
  /** Each distinct request that no grant allows, described (sorted). */
  denied(requests: ApiRequest[]): string[];
  /** The grants that none of the requests used. */
  unused(requests: ApiRequest[]): Grant[];
}

export interface RbacInstall {
  namespace?: string;
  namePrefix?: string;
  serviceAccount?: string;
}

interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

interface Binding extends ManifestObject {
  roleRef: { kind: 'Role' | 'ClusterRole'; name: string };
  subjects?: Array<{ kind: string; name: string; namespace?: string }>;
}

export function loadControllerRbac({
  namespace = 'podeip-system',
  namePrefix = 'podeip-',
  serviceAccount = 'controller',
}: RbacInstall = {}): ControllerRbac {
  // Same namespace and prefix as config/default, without needing config/crd.
  const objects = renderOverlay({ namespace, namePrefix, resources: ['rbac'] });
  const account = { name: `${namePrefix}${serviceAccount}`, namespace };
  const grants = objects
    .filter((object): object is Binding => object.kind === 'ClusterRoleBinding' || object.kind === 'RoleBinding')
    .filter((binding) => (binding.subjects ?? []).some((s) => s.kind === 'ServiceAccount' && s.name === account.name && s.namespace === account.namespace))
    .flatMap((binding) => grantsOf(rulesOf(objects, binding), binding.kind === 'RoleBinding' ? binding.metadata.namespace : undefined));
  const allows = (request: ApiRequest) => grants.some((grant) => grantAllows(grant, request));
  return {
    grants,
    allows,
    denied: (requests) => [...new Set(requests.filter((request) => !allows(request)).map(describeAccess))].sort(),
    unused: (requests) => grants.filter((grant) => !requests.some((request) => grantAllows(grant, request))),
  };
}

/** "patch podeip.io/eipclaims/status in games" for a request or a grant; no namespace = every namespace. */
export function describeAccess({ verb, apiGroup, resource, subresource, namespace }: ApiRequest): string {
  if (resource === undefined) return `${verb} a non-resource path`;
  const path = [apiGroup || 'core', resource, subresource].filter((part) => part !== undefined).join('/');
  return `${verb} ${path}${namespace ? ` in ${namespace}` : ''}`;
}

function rulesOf(objects: ManifestObject[], binding: Binding): PolicyRule[] {
  const role = objects.find(
    (object) =>
      object.kind === binding.roleRef.kind &&
      object.metadata.name === binding.roleRef.name &&
      (object.kind === 'ClusterRole' || object.metadata.namespace === binding.metadata.namespace),
  );
  if (role === undefined) throw new Error(`${binding.kind} ${binding.metadata.name} refers to a missing ${binding.roleRef.kind} ${binding.roleRef.name}`);
  return (role as ManifestObject & { rules?: PolicyRule[] }).rules ?? [];
}

function grantsOf(rules: PolicyRule[], namespace: string | undefined): Grant[] {
  return rules.flatMap((rule) =>
    rule.apiGroups.flatMap((apiGroup) =>
      rule.resources.flatMap((resource) => rule.verbs.map((verb) => ({ verb, apiGroup, resource, ...(namespace ? { namespace } : {}) }))),
    ),
  );
}

function grantAllows(grant: Grant, request: ApiRequest): boolean {
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  return (
    grant.verb === request.verb &&
    grant.apiGroup === request.apiGroup &&
    grant.resource === resource &&
    (grant.namespace === undefined || grant.namespace === request.namespace)
  );
}
