/** The plain-HTTP endpoints: /metrics on one address, /healthz and /readyz on another. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface HttpEndpoint {
  /** e.g. `http://127.0.0.1:8080`; '' when disabled. */
  readonly url: string;
  close(): Promise<void>;
}

type Routes = Record<string, () => Promise<{ status: number; contentType: string; body: string }>>;

/** `:8080` listens on every interface, `127.0.0.1:0` on loopback with a free port, `0` disables. */
export function parseBindAddress(bindAddress: string): { host: string; port: number } | undefined {
  if (bindAddress === '0') return undefined;
  const colon = bindAddress.lastIndexOf(':');
  const host = colon <= 0 ? '0.0.0.0' : bindAddress.slice(0, colon).replace(/^\[|\]$/g, '');
  return { host, port: Number(bindAddress.slice(colon + 1)) };
}

async function serve(bindAddress: string, routes: Routes): Promise<HttpEndpoint> {
  const bind = parseBindAddress(bindAddress);
  if (!bind) return { url: '', close: async () => undefined };
  const server: Server = createServer((request, response) => {
    const route = routes[(request.url ?? '/').split('?')[0]!];
    if (!route) {
      response.writeHead(404).end('not found\n');
      return;
    }
    route().then(
      ({ status, contentType, body }) => response.writeHead(status, { 'Content-Type': contentType }).end(body),
      (error: Error) => response.writeHead(500).end(`${error.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(bind.port, bind.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = bind.host === '0.0.0.0' ? '127.0.0.1' : bind.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function serveMetrics(bindAddress: string, registry: Registry): Promise<HttpEndpoint> {
  return serve(bindAddress, {
    '/metrics': async () => ({ status: 200, contentType: registry.contentType, body: await registry.metrics() }),
  });
}

/** /healthz: 200, or 500 with the reason; /readyz: 200 or 503. */
export function serveProbes(bindAddress: string, checks: { healthProblem(): string | undefined; ready(): boolean }): Promise<HttpEndpoint> {
  const text = (status: number, body: string) => ({ status, contentType: 'text/plain', body: `${body}\n` });
  return serve(bindAddress, {
    '/healthz': async () => {
      const problem = checks.healthProblem();
      return problem === undefined ? text(200, 'ok') : text(500, problem);
    },
    '/readyz': async () => (checks.ready() ? text(200, 'ok') : text(503, 'not ready')),
  });
}
