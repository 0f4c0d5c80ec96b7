/** The log of every request, recorded when its response finishes (or the client goes away). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { rbacVerbOf, type ResourceRoute } from './api-route.js';
import type { RequestLogEntry } from './test-hooks.js';

/** Only the latest requests are kept, so that a long sandbox session does not grow without bound. */
const MAX_LOGGED_REQUESTS = 100_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }

  recordOnFinish(request: IncomingMessage, response: ServerResponse, url: URL, route: ResourceRoute | undefined): void {
    const entry: Omit<RequestLogEntry, 'status'> = {
      verb: rbacVerbOf(request.method ?? 'GET', route, url.searchParams),
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
      contentType: request.headers['content-type'],
      user: /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1],
      ...(route ? { apiGroup: route.group, resource: route.plural, subresource: route.subresource, namespace: route.namespace, name: route.name } : {}),
    };
    const record = () => {
      this.entries.push({ ...entry, status: response.statusCode });
      if (this.entries.length > MAX_LOGGED_REQUESTS * 1.1) this.entries = this.entries.slice(-MAX_LOGGED_REQUESTS);
    };
    response.once('finish', record);
    response.once('close', () => {
      if (!response.writableFinished) record();
    });
  }
}
