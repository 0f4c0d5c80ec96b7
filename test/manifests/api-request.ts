/** Turns an HTTP request to the Kubernetes API into the RBAC terms the authorizer checks. */
import type { ApiRequest } from './rbac-rules.js';

/** Undefined for non-resource paths (discovery, /version, /openapi, ...). */
export function apiRequestOf(method: string, url: string): ApiRequest | undefined {
  const { pathname, searchParams } = new URL(url, 'http://api');
  const segments = pathname.split('/').filter(Boolean);
  const [prefix] = segments;
  const rest = prefix === 'api' ? segments.slice(2) : prefix === 'apis' ? segments.slice(3) : [];
  if (rest.length === 0) return undefined;
  const apiGroup = prefix === 'api' ? '' : segments[1]!;
  const namespaced = rest[0] === 'namespaces' && rest.length >= 3;
  const [resource, name, subresource] = namespaced ? rest.slice(2) : rest;
  const watching = ['true', '1'].includes(searchParams.get('watch') ?? '');
  return {
    verb: verbOf(method.toUpperCase(), name !== undefined, watching),
    apiGroup,
    resource: resource!,
    ...(subresource ? { subresource } : {}),
    ...(namespaced ? { namespace: rest[1] } : {}),
  };
}

function verbOf(method: string, named: boolean, watching: boolean): string {
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (watching) return 'watch';
      return named ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}
