/**
 * The Alibaba Cloud RPC wire protocol as @alicloud/openapi-core speaks it by default: `POST /` with the
 * parameters in the query, the action and version in `x-acs-action` / `x-acs-version`, signed with
 * ACS3-HMAC-SHA256. Order of checks: HTTP method, signature, action, rate limit and injected faults,
 * parameters, then the action itself.
 */
import { randomUUID } from 'node:crypto';
import type { ClientTokenStore } from '../common/client-token-store.js';
import type { EmulatorKit } from '../common/emulator-kit.js';
import type { ApiRequest, ApiResponse } from '../common/http-types.js';
import { verifyAcs3Signature, type AlibabaCredential, type NonceRegistry } from './acs3-signature.js';
import { AlibabaApiError, gatewayErrors } from './alibaba-api-error.js';
import { ECS_VERSION, type AlibabaAction, type AlibabaContext, type ResponseBody } from './alibaba-action.js';
import { findAction } from './alibaba-actions.js';
import { errorResponse, successResponse } from './alibaba-envelope.js';
import { RpcParameters } from './rpc-parameters.js';

export interface AlibabaProtocolOptions {
  kit: EmulatorKit;
  context: AlibabaContext;
  credentials: readonly AlibabaCredential[];
  nonces: NonceRegistry;
  clientTokens: ClientTokenStore<TokenAnswer>;
}

/** The first answer to a ClientToken, and what that request asked for. */
export interface TokenAnswer {
  fingerprint: string;
  body: ResponseBody;
}

const UNKNOWN_ACTION = '(none)';

export function alibabaProtocolHandler(options: AlibabaProtocolOptions): (request: ApiRequest) => Promise<ApiResponse> {
  return async (request) => {
    const requestId = randomUUID().toUpperCase();
    const actionName = headerValue(request, 'x-acs-action') ?? UNKNOWN_ACTION;
    const version = headerValue(request, 'x-acs-version') ?? '';
    try {
      const body = await answer(options, request, actionName, version);
      options.kit.calls.record(actionName);
      return successResponse(requestId, body);
    } catch (error) {
      if (!(error instanceof AlibabaApiError)) throw error;
      options.kit.calls.record(actionName, error.code);
      return errorResponse(requestId, hostIdOf(version), error);
    }
  };
}

async function answer(options: AlibabaProtocolOptions, request: ApiRequest, actionName: string, version: string): Promise<ResponseBody> {
  if (request.method !== 'POST' && request.method !== 'GET') throw gatewayErrors.unsupportedMethod();
  const query = new Map(request.query);
  verifyAcs3Signature({ ...request, query }, options.credentials, options.kit.clock.now(), options.nonces);
  const action = findAction(version, actionName);
  if (!action) throw gatewayErrors.unknownAction();
  await admit(options.kit, action.name);
  const parameters = new RpcParameters(query);
  parameters.rejectUndeclared(action.parameters);
  if (parameters.required('RegionId') !== options.context.regionId) throw gatewayErrors.unknownRegion();
  return perform(options, action, parameters);
}

async function admit(kit: EmulatorKit, action: string): Promise<void> {
  const admission = await kit.admit(action);
  if (admission.kind === 'throttled') throw gatewayErrors.throttled();
  if (admission.kind === 'fault') throw injectedError(admission.code, admission.message);
}

/**
 * A replayed ClientToken gets the first call's answer (per action), without doing the work again; the
 * same token with other parameters is IdempotentParameterMismatch (help.aliyun.com/knowledge_detail/36569).
 */
function perform(options: AlibabaProtocolOptions, action: AlibabaAction, parameters: RpcParameters): ResponseBody {
  const run = () => action.handle(parameters, options.context);
  const token = action.parameters.includes('ClientToken') ? parameters.optional('ClientToken') : undefined;
  if (token === undefined) return run();
  const fingerprint = parameters.fingerprint('ClientToken');
  const first = options.clientTokens.once(`${action.name}\n${token}`, () => ({ fingerprint, body: run() }));
  if (first.fingerprint !== fingerprint) throw gatewayErrors.idempotentParameterMismatch();
  return first.body;
}

const INJECTED_STATUS: Record<string, number> = { InternalError: 500, ServiceUnavailable: 503 };

function injectedError(code = 'InternalError', message = 'The request processing has failed due to some unknown error.'): AlibabaApiError {
  const status = INJECTED_STATUS[code] ?? (code.endsWith('.NotFound') ? 404 : 400);
  return new AlibabaApiError(code, message, status);
}

function hostIdOf(version: string): string {
  return version === ECS_VERSION ? 'ecs.aliyuncs.com' : 'vpc.aliyuncs.com';
}

function headerValue(request: ApiRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
