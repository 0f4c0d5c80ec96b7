/**
 * A local Kubernetes API server for tests and the sandbox: real HTTP on loopback that
 * @kubernetes/client-node and kubectl use unchanged. See README.md for what is and is not emulated.
 */
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { ApiError } from './api-errors.js';
import { parseResourcePath, resolveType } from './api-route.js';
import { GarbageCollector } from './garbage-collector.js';
import { sendJson } from './http-io.js';
import { kubeconfigYaml } from './kubeconfig.js';
import { serveNonResource } from './non-resource-routes.js';
import { NamespaceController } from './namespace-controller.js';
import { ObjectService } from './object-service.js';
import { ObjectStore } from './object-store.js';
import { ResourceHandler } from './resource-handler.js';
import { ResourceRegistry } from './resource-registry.js';
import { RequestLog } from './request-log.js';
import { FaultTable, type TestHooks } from './test-hooks.js';
import { WatchStreams } from './watch-streams.js';

export type { FaultSpec, RequestLogEntry, TestHooks } from './test-hooks.js';
export type { StoreSnapshot } from './object-store.js';

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
  private readonly namespaceController: NamespaceController;
  private readonly faults = new FaultTable();
  private readonly requests = new RequestLog();
  private readonly server: Server;

  constructor(now: () => Date, retainedEvents: number) {
    this.store = new ObjectStore(retainedEvents);
    this.service = new ObjectService(this.store, this.registry, now);
    this.watches = new WatchStreams(this.store);
    this.handler = new ResourceHandler(this.service, this.watches, now);
    this.collector = new GarbageCollector(this.service);
    this.namespaceController = new NamespaceController(this.service);
    this.collector.start();
    this.namespaceController.start();
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
    this.namespaceController.stop();
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
      requestLog: () => this.requests.list(),
      clearRequestLog: () => this.requests.clear(),
      openWatches: () => this.watches.count,
      openWatchesOf: (resource) => this.watches.countOf(resource),
      snapshotStore: () => this.store.snapshot(),
      restoreStore: (snapshot) => {
        this.store.restore(snapshot);
        this.watches.dropAll();
      },
      seedObjects: (resource, objects) => objects.forEach((object) => this.store.save(resource, object)),
    };
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = parseResourcePath(url.pathname);
    this.requests.recordOnFinish(request, response, url, route);
    try {
      const fault = this.faults.outcomeFor(request.method ?? 'GET', url.pathname);
      if (fault?.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
      if (fault?.failure) throw fault.failure;
      if (route) await this.handler.handle({ request, response, route, type: resolveType(this.registry, route), query: url.searchParams });
      else serveNonResource(url.pathname, response, this.registry, new URL(this.url).host);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(500, 'InternalError', `Internal error occurred: ${(error as Error).message}`);
      if (!response.headersSent) sendJson(response, failure.code, failure.toStatus());
      else response.end();
    }
  }
}

export async function startKubeApiServer(options: KubeApiServerOptions = {}): Promise<KubeApiServer> {
  const server = new LocalKubeApiServer(options.now ?? (() => new Date()), options.retainedEvents ?? 10_000);
  await server.listen(options.host ?? '127.0.0.1', options.port ?? 0);
  return server;
}
