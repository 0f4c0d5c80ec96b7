/**
 * Lists a collection in pages (`limit`/`continue`) as plain JSON, without client-node's typed model
 * classes: each page goes to the caller as it arrives, so it can be trimmed and dropped before the
 * next one is read, and the peak stays one page rather than the whole cluster.
 */
import { ApiException, HttpMethod, IsomorphicFetchHttpLibrary, type KubeConfig, ServerConfiguration } from '@kubernetes/client-node';

/**
 * Small enough that a page's parsed objects (200 pods of ~8 KB: ~1.6 MB of JSON, ~8 MB parsed) die in
 * V8's young generation (16 MiB semi-spaces) instead of being promoted: with 500 per page the heap grew
 * twice as much over a 50,000-pod list (66 vs 33 MiB measured in-process, docs/benchmarks.md).
 */
export const PAGE_SIZE = 200;

/** Where a paged list delivers its items. */
export interface PageSink {
  add(items: unknown[]): void;
  /** Drop what was added so far: the list starts again from its first page. */
  restart(): void;
}

interface ListPage {
  items?: unknown[];
  metadata?: { resourceVersion?: string; continue?: string };
}

const http = new IsomorphicFetchHttpLibrary();

/** GET of a path as parsed JSON; a status other than 2xx is an ApiException, as client-node's own calls throw. */
export async function getJson(kubeConfig: KubeConfig, path: string, query: Record<string, string>): Promise<unknown> {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('No active cluster!');
  const request = new ServerConfiguration(cluster.server, {}).makeRequestContext(path, HttpMethod.GET);
  for (const [name, value] of Object.entries(query)) request.setQueryParam(name, value);
  request.setHeaderParam('Accept', 'application/json');
  await kubeConfig.applySecurityAuthentication(request);
  const response = await http.send(request).toPromise();
  const body = await response.body.text();
  if (response.httpStatusCode < 200 || response.httpStatusCode > 299) {
    throw new ApiException(response.httpStatusCode, `HTTP ${response.httpStatusCode} listing ${path}: ${body.slice(0, 300)}`, body, response.headers);
  }
  return JSON.parse(body) as unknown;
}

/**
 * Every page of the collection at `path` into `sink`; resolves with the list's resourceVersion. A
 * continue token that expired (410) restarts the list, as client-go's pager does for a consistent list.
 */
export async function listInPages(kubeConfig: KubeConfig, path: string, sink: PageSink, pageSize = PAGE_SIZE): Promise<string> {
  let continueToken: string | undefined;
  for (;;) {
    let page: ListPage;
    try {
      page = (await getJson(kubeConfig, path, { limit: String(pageSize), ...(continueToken ? { continue: continueToken } : {}) })) as ListPage;
    } catch (error) {
      if (!continueToken || !isExpired(error)) throw error;
      continueToken = undefined;
      sink.restart();
      continue;
    }
    sink.add(page.items ?? []);
    continueToken = page.metadata?.continue || undefined;
    if (!continueToken) return page.metadata?.resourceVersion ?? '';
  }
}

function isExpired(error: unknown): boolean {
  return error instanceof ApiException && error.code === 410;
}
