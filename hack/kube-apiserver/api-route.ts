/** Which resource, namespace, name and subresource a request path names, and the RBAC verb of the request. */
import { pageNotFound } from './api-errors.js';
import type { ResourceRegistry } from './resource-registry.js';
import type { ResourceType } from './resource-type.js';

export interface ResourceRoute {
  group: string;
  version: string;
  plural: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

const namespaceSubresources = new Set(['status', 'finalize']);

/** Splits `/api/v1/...` or `/apis/G/V/...`; undefined for any other path (discovery, health, ...). */
export function parseResourcePath(path: string): ResourceRoute | undefined {
  const segments = path.split('/').filter((segment) => segment !== '').map(decodeURIComponent);
  let group: string;
  let rest: string[];
  if (segments[0] === 'api' && segments[1]) [group, rest] = ['', segments.slice(1)];
  else if (segments[0] === 'apis' && segments[1] && segments[2]) [group, rest] = [segments[1], segments.slice(2)];
  else return undefined;
  const [version, ...parts] = rest as [string, ...string[]];
  if (parts.length === 0) return undefined;
  const isNamespacedPath = parts[0] === 'namespaces' && parts.length >= 3 && !(parts.length === 3 && namespaceSubresources.has(parts[2]!));
  if (isNamespacedPath) {
    const [, namespace, plural, name, subresource] = parts as [string, string, string, string?, string?];
    return { group, version, plural, namespace, name, subresource };
  }
  const [plural, name, subresource] = parts as [string, string?, string?];
  return { group, version, plural, name, subresource };
}

export function resolveType(registry: ResourceRegistry, route: ResourceRoute): ResourceType {
  const type = registry.find(route.group, route.version, route.plural);
  if (!type || (!type.namespaced && route.namespace !== undefined)) throw pageNotFound();
  if (type.namespaced && route.name !== undefined && route.namespace === undefined) throw pageNotFound();
  return type;
}

export function rbacVerbOf(method: string, route: ResourceRoute | undefined, query: URLSearchParams): string {
  const watch = ['true', '1'].includes(query.get('watch') ?? '');
  switch (method) {
    case 'GET':
      if (!route || route.name !== undefined) return 'get';
      return watch ? 'watch' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return route?.name !== undefined ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}
