/**
 * A local Kubernetes API server for tests and the sandbox: real HTTP on loopback that
 * @kubernetes/client-node and kubectl use unchanged. See README.md for what is and is not emulated.
 */
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { ApiError, pageNotFound } from './api-errors.js';
import { parseResourcePath, rbacVerbOf, resolveType, type ResourceRoute } from './api-route.js';
import { coreVersions, group, groupList, resourceList, versionInfo } from './discovery.js';
import { GarbageCollector } from './garbage-collector.js';
import { sendJson, sendText } from './http-io.js';
import { kubeconfigYaml } from './kubeconfig.js';
import { ObjectService } from './object-service.js';
import { ObjectStore } from './object-store.js';
import { ResourceHandler } from './resource-handler.js';
import { ResourceRegistry } from './resource-registry.js';
import { FaultTable, type RequestLogEntry, type TestHooks } from './test-hooks.js';
import { WatchStreams } from './watch-streams.js';

export type { FaultSpec, RequestLogEntry, TestHooks } from './test-hooks.js';

export interface KubeApiServerOptions {
  port?: number;
  host?: string;
  /** How many events watches can replay (the watch window); older versions get 410 Gone. */
  retainedEvents?: number;
  /** The clock for creationTimestamp, deletionTimestamp and ages. */
  now?: () => Date;
}

export interface KubeApiServer {
  readonly url: string;
  kubeconfigYaml(): string;
  writeKubeconfig(path: string): Promise<void>;
  kubeConfig(): KubeConfig;
  readonly hooks: TestHooks;
  close(): Promise<void>;
}

/** The request log keeps the latest requests only, so that a long sandbox session does not grow without bound. */
const MAX_LOGGED_REQUESTS = 100_000;

const initialNamespaces = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

class LocalKubeApiServer implements KubeApiServer {
  url = '';
  readonly hooks: TestHooks;
  private readonly store: ObjectStore;
  private readonly registry = new ResourceRegistry();
  private readonly service: ObjectService;
  private readonly watches: WatchStreams;
  private readonly handler: ResourceHandler;
  private readonly collector: GarbageCollector;
  private readonly faults = new FaultTable();
  private log: RequestLogEntry[] = [];
  private readonly server: Server;

  constructor(now: () => Date, retainedEvents: number) {
    this.store = new ObjectStore(retainedEvents);
    this.service = new ObjectService(this.store, this.registry, now);
    this.watches = new WatchStreams(this.store);
    this.handler = new ResourceHandler(this.service, this.watches, now);
    this.collector = new GarbageCollector(this.service);
    this.collector.start();
    const namespaces = this.registry.find('', 'v1', 'namespaces')!;
    for (const name of initialNamespaces) this.service.create(namespaces, undefined, { metadata: { name } });
    this.hooks = this.testHooks();
    this.server = createServer((request, response) => void this.serve(request, response));
  }

  async listen(host: string, port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    this.url = `http://${host}:${address.port}`;
  }

  kubeconfigYaml(): string {
    return kubeconfigYaml(this.url);
  }

  async writeKubeconfig(path: string): Promise<void> {
    await writeFile(path, this.kubeconfigYaml(), { mode: 0o600 });
  }

  kubeConfig(): KubeConfig {
    const config = new KubeConfig();
    config.loadFromString(this.kubeconfigYaml());
    return config;
  }

  async close(): Promise<void> {
    this.collector.stop();
    this.watches.dropAll();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private testHooks(): TestHooks {
    return {
      dropAllWatches: () => this.watches.dropAll(),
      expireNextWatch: () => this.watches.expireNextWatch(),
      setRetainedWindow: (events) => this.store.setRetainedWindow(events),
      injectFault: (fault) => this.faults.add(fault),
      clearFaults: () => this.faults.clear(),
      requestLog: () => [...this.log],
      clearRequestLog: () => {
        this.log = [];
      },
      openWatches: () => this.watches.count,
    };
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = parseResourcePath(url.pathname);
    this.recordOnFinish(request, response, url, route);
    try {
      const fault = this.faults.outcomeFor(request.method ?? 'GET', url.pathname);
      if (fault?.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
      if (fault?.failure) throw fault.failure;
      if (route) await this.handler.handle({ request, response, route, type: resolveType(this.registry, route), query: url.searchParams });
      else this.serveNonResource(url.pathname, response);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(500, 'InternalError', `Internal error occurred: ${(error as Error).message}`);
      if (!response.headersSent) sendJson(response, failure.code, failure.toStatus());
      else response.end();
    }
  }

  private serveNonResource(path: string, response: ServerResponse): void {
    const trimmed = path.replace(/\/+$/, '') || '/';
    if (['/healthz', '/livez', '/readyz'].includes(trimmed)) return sendText(response, 200, 'ok');
    if (trimmed === '/version') return sendJson(response, 200, versionInfo);
    if (trimmed === '/api') return sendJson(response, 200, coreVersions(new URL(this.url).host));
    if (trimmed === '/apis') return sendJson(response, 200, groupList(this.registry));
    const coreVersion = /^\/api\/([^/]+)$/.exec(trimmed);
    const groupVersion = /^\/apis\/([^/]+)\/([^/]+)$/.exec(trimmed);
    const apiGroup = /^\/apis\/([^/]+)$/.exec(trimmed);
    const document =
      (coreVersion && resourceList(this.registry, '', coreVersion[1]!)) ||
      (groupVersion && resourceList(this.registry, groupVersion[1]!, groupVersion[2]!)) ||
      (apiGroup && group(this.registry, apiGroup[1]!));
    if (!document) throw pageNotFound();
    sendJson(response, 200, document);
  }

  private recordOnFinish(request: IncomingMessage, response: ServerResponse, url: URL, route: ResourceRoute | undefined): void {
    const user = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const entry: Omit<RequestLogEntry, 'status'> = {
      verb: rbacVerbOf(request.method ?? 'GET', route, url.searchParams),
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
      contentType: request.headers['content-type'],
      user,
      ...(route ? { apiGroup: route.group, resource: route.plural, subresource: route.subresource, namespace: route.namespace, name: route.name } : {}),
    };
    const record = () => {
      this.log.push({ ...entry, status: response.statusCode });
      if (this.log.length > MAX_LOGGED_REQUESTS * 1.1) this.log = this.log.slice(-MAX_LOGGED_REQUESTS);
    };
    response.once('finish', record);
    response.once('close', () => {
      if (!response.writableFinished) record();
    });
  }
}

export async function startKubeApiServer(options: KubeApiServerOptions = {}): Promise<KubeApiServer> {
  const server = new LocalKubeApiServer(options.now ?? (() => new Date()), options.retainedEvents ?? 10_000);
  await server.listen(options.host ?? '127.0.0.1', options.port ?? 0);
  return server;
}
