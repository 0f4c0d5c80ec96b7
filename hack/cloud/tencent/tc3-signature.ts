/**
 * Verifies TC3-HMAC-SHA256 request signatures (intl.cloud.tencent.com/document/api/1021/34193),
 * as computed by tencentcloud-sdk-nodejs `common/sign.ts`.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { headerValue, type ApiRequest } from '../common/index.js';
import { commonErrors } from './tencent-api-error.js';

export interface TencentCredential {
  secretId: string;
  secretKey: string;
  /** When set, requests must carry it in X-TC-Token (temporary credentials). */
  token?: string;
}

const ALGORITHM = 'TC3-HMAC-SHA256';
const SERVICE = 'vpc';
const MAX_SKEW_SECONDS = 300;
const AUTHORIZATION_PATTERN =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

interface ParsedAuthorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** Throws the documented AuthFailure.* error when the request is not signed by one of the credentials. */
export function verifyTc3Signature(request: ApiRequest, credentials: TencentCredential[], nowMs: number): void {
  const authorization = parseAuthorization(headerValue(request, 'authorization'));
  const timestamp = Number(headerValue(request, 'x-tc-timestamp'));
  if (!Number.isInteger(timestamp)) throw commonErrors.missingParameter('X-TC-Timestamp');
  if (Math.abs(nowMs / 1000 - timestamp) > MAX_SKEW_SECONDS) throw commonErrors.signatureExpire();
  const credential = credentials.find((candidate) => candidate.secretId === authorization.secretId);
  if (!credential) throw commonErrors.secretIdNotFound();
  if (!acceptedService(authorization.service, request)) throw commonErrors.signatureFailure();
  if (authorization.date !== utcDate(timestamp)) throw commonErrors.signatureFailure();
  const matches = hostVariants(request).some((host) =>
    sameHex(expectedSignature(request, authorization, credential.secretKey, timestamp, host), authorization.signature),
  );
  if (!matches) throw commonErrors.signatureFailure();
  if ((credential.token ?? '') !== (headerValue(request, 'x-tc-token') ?? '')) throw commonErrors.tokenFailure();
}

function parseAuthorization(value: string | undefined): ParsedAuthorization {
  if (!value) throw commonErrors.invalidAuthorization('the Authorization header is missing');
  if (!value.startsWith(`${ALGORITHM} `)) throw commonErrors.invalidAuthorization(`only ${ALGORITHM} is supported`);
  const match = AUTHORIZATION_PATTERN.exec(value);
  if (!match) throw commonErrors.invalidAuthorization('the Authorization header is malformed');
  const [, secretId, date, service, signedHeaders, signature] = match as unknown as string[];
  const headers = signedHeaders!.split(';');
  if (!headers.includes('content-type') || !headers.includes('host')) {
    throw commonErrors.invalidAuthorization('SignedHeaders must include content-type and host');
  }
  return { secretId: secretId!, date: date!, service: service!, signedHeaders: headers, signature: signature! };
}

/**
 * The real endpoint's service is `vpc`. An SDK pointed at `127.0.0.1:PORT` or `localhost:PORT` signs
 * with the host's first label (`127`, `localhost`), which is accepted for those hosts only.
 */
function acceptedService(service: string, request: ApiRequest): boolean {
  const host = hostName(request);
  const addressedByLoopbackName = isIP(host) !== 0 || host === 'localhost';
  return service === SERVICE || (addressedByLoopbackName && service === host.split('.')[0]);
}

/** The SDK signs the host name without the port although it sends the port in Host; both are accepted. */
function hostVariants(request: ApiRequest): string[] {
  const host = headerValue(request, 'host') ?? '';
  return host === hostName(request) ? [host] : [hostName(request), host];
}

function expectedSignature(
  request: ApiRequest,
  authorization: ParsedAuthorization,
  secretKey: string,
  timestamp: number,
  host: string,
): string {
  const canonicalHeaders = authorization.signedHeaders
    .map((name) => `${name}:${name === 'host' ? host : (headerValue(request, name) ?? '').trim().toLowerCase()}\n`)
    .join('');
  const canonicalRequest = [
    request.method,
    request.path,
    request.query.toString(),
    canonicalHeaders,
    authorization.signedHeaders.join(';'),
    sha256Hex(request.body),
  ].join('\n');
  const scope = `${authorization.date}/${authorization.service}/tc3_request`;
  const stringToSign = [ALGORITHM, String(timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const secretDate = hmac(`TC3${secretKey}`, authorization.date);
  const secretService = hmac(secretDate, authorization.service);
  const secretSigning = hmac(secretService, 'tc3_request');
  return createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex');
}


function hostName(request: ApiRequest): string {
  return (headerValue(request, 'host') ?? '').replace(/:\d+$/, '');
}

function utcDate(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
