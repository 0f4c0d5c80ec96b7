import { AdminInputError, type CreateAddressInput, type EmulatorAdmin } from './cloud-emulator.js';
import { InvalidFaultError, type FaultSpec } from './fault-injector.js';
import { jsonResponse, type ApiRequest, type ApiResponse } from './http-types.js';
import type { AsyncStepDelays } from './transition-scheduler.js';
import type { ResourceStateSetting } from './resource-states.js';

export const ADMIN_PREFIX = '/_admin';

type Route = (admin: EmulatorAdmin, request: ApiRequest) => Promise<ApiResponse> | ApiResponse;

const NO_CONTENT: ApiResponse = { status: 204, body: '' };

const routes: Record<string, Route> = {
  'GET /addresses': (admin) => jsonResponse(200, admin.addresses()),
  'POST /addresses': (admin, request) => {
    const body = parseBody<CreateAddressInput | CreateAddressInput[]>(request);
    return jsonResponse(201, Array.isArray(body) ? admin.createAddresses(body) : admin.createAddress(body));
  },
  'GET /enis': (admin) => jsonResponse(200, admin.enis()),
  'GET /calls': (admin) => jsonResponse(200, admin.calls()),
  'GET /faults': (admin) => jsonResponse(200, admin.faults()),
  'POST /faults': (admin, request) => {
    const body = parseBody<FaultSpec | FaultSpec[]>(request);
    (Array.isArray(body) ? body : [body]).forEach((fault) => admin.setFault(fault));
    return NO_CONTENT;
  },
  'DELETE /faults': (admin, request) => {
    admin.clearFaults(request.query.get('action') ?? undefined);
    return NO_CONTENT;
  },
  'POST /quota': (admin, request) => {
    admin.setQuota(parseBody<{ limit: number }>(request).limit);
    return NO_CONTENT;
  },
  'GET /resource-states': (admin) => jsonResponse(200, admin.resourceStates()),
  'POST /resource-states': (admin, request) => {
    admin.setResourceState(parseBody<ResourceStateSetting>(request));
    return NO_CONTENT;
  },
  'GET /async-steps': (admin) => jsonResponse(200, admin.asyncSteps()),
  'POST /async-steps': (admin, request) => {
    admin.setAsyncStepDelays(parseBody<AsyncStepDelays>(request));
    return NO_CONTENT;
  },
  'DELETE /async-steps': (admin) => {
    admin.setAsyncStepDelays(undefined);
    return NO_CONTENT;
  },
  'POST /reset': (admin) => {
    admin.reset();
    return NO_CONTENT;
  },
};

/** Serves the admin API: `<METHOD> /_admin/<route>`; bad input is a 400 `{error}`. */
export async function handleAdminRequest(admin: EmulatorAdmin, request: ApiRequest): Promise<ApiResponse> {
  const route = routes[`${request.method} ${request.path.slice(ADMIN_PREFIX.length)}`];
  if (!route) return jsonResponse(404, { error: `no admin route ${request.method} ${request.path}` });
  try {
    return await route(admin, request);
  } catch (error) {
    if (error instanceof AdminInputError || error instanceof InvalidFaultError || error instanceof SyntaxError) {
      return jsonResponse(400, { error: error.message });
    }
    throw error;
  }
}

function parseBody<T>(request: ApiRequest): T {
  const text = request.body.toString('utf8');
  if (text.trim() === '') throw new AdminInputError('a JSON body is required');
  return JSON.parse(text) as T;
}
