/**
 * The Tencent Cloud API 3.0 wire protocol: POST JSON with X-TC-* headers and TC3-HMAC-SHA256, replies
 * `{"Response": {..., "RequestId"}}` or `{"Response": {"Error": {Code, Message}, "RequestId"}}`, both
 * with HTTP 200 (tencentcloud.com/document/product/597/35338).
 */
import { randomUUID } from 'node:crypto';
import {
  headerValue,
  jsonResponse,
  PublicIpPoolExhaustedError, type ApiHandler, type ApiRequest, type ApiResponse } from '../common/index.js';
import { ACTION_HANDLERS } from './action-handlers.js';
import { isKnownAction, validateParameters } from './parameter-schema.js';
import { isTagAction, TAG_API_VERSION } from './tag-service.js';
import { verifyTc3Signature, type TencentCredential } from './tc3-signature.js';
import { commonErrors, TencentApiError } from './tencent-api-error.js';
import type { TencentContext } from './tencent-context.js';

const API_VERSION = '2017-03-12';
/** Recorded in the call log when a request names no action. */
const NO_ACTION = '(none)';

export function tencentApiHandler(context: TencentContext, credentials: TencentCredential[]): ApiHandler {
  return async (request) => {
    const action = headerValue(request, 'x-tc-action') ?? '';
    const traceHeaders = traceHeadersOf(request);
    try {
      const result = await perform(request, action, context, credentials);
      context.kit.calls.record(action);
      return jsonResponse(200, { Response: { ...result, RequestId: randomUUID() } }, traceHeaders);
    } catch (thrown) {
      const error = asApiError(thrown);
      context.kit.calls.record(action || NO_ACTION, error.code);
      return errorResponse(error, traceHeaders);
    }
  };
}

async function perform(
  request: ApiRequest,
  action: string,
  context: TencentContext,
  credentials: TencentCredential[],
): Promise<Record<string, unknown>> {
  checkTransport(request);
  if (!action) throw commonErrors.missingParameter('X-TC-Action');
  verifyTc3Signature(request, credentials, context.kit.clock.now());
  checkVersionAndRegion(request, action, context.region);
  if (!isKnownAction(action)) throw commonErrors.invalidAction(action);
  const admission = await context.kit.admit(action);
  if (admission.kind === 'throttled') throw commonErrors.requestLimitExceeded(action);
  if (admission.kind === 'fault') {
    throw admission.code
      ? new TencentApiError(admission.code, admission.message ?? `Injected fault ${admission.code}.`)
      : commonErrors.internalError();
  }
  const parameters = validateParameters(action, parseBody(request));
  return ACTION_HANDLERS[action]!(parameters, context);
}

function checkTransport(request: ApiRequest): void {
  const contentType = (headerValue(request, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (request.method !== 'POST' || contentType !== 'application/json') {
    throw commonErrors.unsupportedProtocol(
      'This endpoint accepts only POST application/json requests signed with TC3-HMAC-SHA256.',
    );
  }
}

function checkVersionAndRegion(request: ApiRequest, action: string, region: string): void {
  const version = headerValue(request, 'x-tc-version');
  if (!version) throw commonErrors.missingParameter('X-TC-Version');
  if (version !== (isTagAction(action) ? TAG_API_VERSION : API_VERSION)) throw commonErrors.noSuchVersion(version);
  const requested = headerValue(request, 'x-tc-region');
  if (!requested) throw commonErrors.missingParameter('X-TC-Region');
  if (requested !== region) throw commonErrors.unsupportedRegion(requested);
}

function parseBody(request: ApiRequest): unknown {
  const text = request.body.toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw commonErrors.invalidParameter('The request body is not valid JSON.');
  }
}

function asApiError(thrown: unknown): TencentApiError {
  if (thrown instanceof TencentApiError) return thrown;
  if (thrown instanceof PublicIpPoolExhaustedError) return new TencentApiError('ResourceInsufficient', thrown.message);
  return new TencentApiError('InternalError', thrown instanceof Error ? thrown.message : String(thrown));
}

function errorResponse(error: TencentApiError, headers: Record<string, string>): ApiResponse {
  const body = { Response: { Error: { Code: error.code, Message: error.message }, RequestId: randomUUID() } };
  return jsonResponse(200, body, headers);
}

/** The SDK reads X-TC-TraceId from the reply into its exceptions. */
function traceHeadersOf(request: ApiRequest): Record<string, string> {
  const traceId = headerValue(request, 'x-tc-traceid');
  return traceId ? { 'X-TC-TraceId': traceId } : {};
}

