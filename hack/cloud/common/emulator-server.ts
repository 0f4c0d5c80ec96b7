import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN_PREFIX, handleAdminRequest } from './admin-routes.js';
import type { CloudEmulator, EmulatorAdmin } from './cloud-emulator.js';
import { jsonResponse, type ApiHandler, type ApiRequest, type ApiResponse } from './http-types.js';

export interface EmulatorServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  admin: EmulatorAdmin;
  /** The provider's wire protocol: every request outside /_admin. */
  handleApi: ApiHandler;
  /** Stops provider timers when the server closes. */
  onClose?: () => void;
}

/** An HTTP server on 127.0.0.1 routing /_admin/* to the admin API and the rest to the provider. */
export async function startEmulatorServer(options: EmulatorServerOptions): Promise<CloudEmulator> {
  const server = createServer((req, res) => {
    void serve(options, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    adminUrl: `${endpoint}${ADMIN_PREFIX}`,
    admin: options.admin,
    close: async () => {
      options.onClose?.();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function serve(options: EmulatorServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let response: ApiResponse;
  try {
    const request = await readRequest(req);
    const isAdmin = request.path === ADMIN_PREFIX || request.path.startsWith(`${ADMIN_PREFIX}/`);
    response = isAdmin ? await handleAdminRequest(options.admin, request) : await options.handleApi(request);
  } catch (error) {
    response = jsonResponse(500, { error: error instanceof Error ? error.message : String(error) });
  }
  if (res.destroyed) return;
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

async function readRequest(req: IncomingMessage): Promise<ApiRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? '/', 'http://emulator');
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body: Buffer.concat(chunks),
  };
}
