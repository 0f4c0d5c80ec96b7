/** The paths that name no resource: health checks, /version, the discovery and OpenAPI v3 documents. */
import type { ServerResponse } from 'node:http';
import { pageNotFound } from './api-errors.js';
import { coreVersions, group, groupList, resourceList, versionInfo } from './discovery.js';
import { sendJson, sendText } from './http-io.js';
import { openApiDocument, openApiRoot } from './openapi-v3.js';
import type { ResourceRegistry } from './resource-registry.js';

/** Everything else is 404, `/openapi/v2` included: kubectl needs it only for client-side validation, which OpenAPI v3 spares it. */
export function serveNonResource(path: string, response: ServerResponse, registry: ResourceRegistry, serverAddress: string): void {
  const trimmed = path.replace(/\/+$/, '') || '/';
  if (['/healthz', '/livez', '/readyz'].includes(trimmed)) return sendText(response, 200, 'ok');
  if (trimmed === '/version') return sendJson(response, 200, versionInfo);
  if (trimmed === '/api') return sendJson(response, 200, coreVersions(serverAddress));
  if (trimmed === '/apis') return sendJson(response, 200, groupList(registry));
  if (trimmed === '/openapi/v3') return sendJson(response, 200, openApiRoot(registry));
  const coreVersion = /^\/api\/([^/]+)$/.exec(trimmed);
  const groupVersion = /^\/apis\/([^/]+)\/([^/]+)$/.exec(trimmed);
  const apiGroup = /^\/apis\/([^/]+)$/.exec(trimmed);
  const openApi = /^\/openapi\/v3\/(.+)$/.exec(trimmed);
  const document =
    (coreVersion && resourceList(registry, '', coreVersion[1]!)) ||
    (groupVersion && resourceList(registry, groupVersion[1]!, groupVersion[2]!)) ||
    (apiGroup && group(registry, apiGroup[1]!)) ||
    (openApi && openApiDocument(registry, openApi[1]!));
  if (!document) throw pageNotFound();
  sendJson(response, 200, document);
}
