/**
 * Server-side check of the ACS3-HMAC-SHA256 signature that @alicloud/openapi-core puts on every request
 * by default (Alibaba Cloud "V3 request structure and signature" documentation; openapi-core
 * `getAuthorization`). Written from the documented algorithm, not from the SDK's code, so that a test
 * through the SDK checks both sides.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { gatewayErrors } from './alibaba-api-error.js';

const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';
/** The gateway rejects requests whose x-acs-date is more than 15 minutes away from its own clock. */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface AlibabaCredential {
  accessKeyId: string;
  accessKeySecret: string;
}

export interface SignedRequest {
  method: string;
  path: string;
  /** Decoded query parameters. */
  query: ReadonlyMap<string, string>;
  /** Lower-case header names, as node:http delivers them. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Buffer;
}

interface AuthorizationHeader {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Throws the gateway's AlibabaApiError unless the request is signed by one of `credentials`. */
export function verifyAcs3Signature(
  request: SignedRequest,
  credentials: readonly AlibabaCredential[],
  now: number,
  nonces: NonceRegistry,
): void {
  const authorization = parseAuthorization(header(request, 'authorization'));
  const credential = credentials.find((candidate) => candidate.accessKeyId === authorization.accessKeyId);
  if (!credential) throw gatewayErrors.unknownAccessKey();
  checkTimestamp(header(request, 'x-acs-date'), now);
  const payloadHash = sha256Hex(request.body);
  if (header(request, 'x-acs-content-sha256') !== payloadHash) throw gatewayErrors.signatureMismatch();
  const expected = sign(credential.accessKeySecret, canonicalRequest(request, authorization.signedHeaders, payloadHash));
  if (!sameHex(expected, authorization.signature)) throw gatewayErrors.signatureMismatch();
  nonces.claim(header(request, 'x-acs-signature-nonce'), now);
}

/** Remembers signature nonces for as long as a timestamp stays acceptable, so a replayed request is refused. */
export class NonceRegistry {
  private readonly seenAt = new Map<string, number>();

  claim(nonce: string | undefined, now: number): void {
    if (!nonce) throw gatewayErrors.missingAuthorization();
    this.forgetOlderThan(now - MAX_CLOCK_SKEW_MS);
    if (this.seenAt.has(nonce)) throw gatewayErrors.nonceUsed();
    this.seenAt.set(nonce, now);
  }

  clear(): void {
    this.seenAt.clear();
  }

  private forgetOlderThan(cutoff: number): void {
    for (const [nonce, at] of this.seenAt) {
      if (at >= cutoff) break;
      this.seenAt.delete(nonce);
    }
  }
}

function parseAuthorization(value: string | undefined): AuthorizationHeader {
  const match = value?.match(/^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)$/);
  if (!match) throw gatewayErrors.missingAuthorization();
  const signedHeaders = match[2]!.split(';');
  if (!signedHeaders.includes('host') || !signedHeaders.includes('x-acs-date')) throw gatewayErrors.missingAuthorization();
  return { accessKeyId: match[1]!, signedHeaders, signature: match[3]! };
}

function checkTimestamp(value: string | undefined, now: number): void {
  if (!value || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(value)) throw gatewayErrors.malformedTimestamp();
  const signedAt = Date.parse(value);
  if (Number.isNaN(signedAt)) throw gatewayErrors.malformedTimestamp();
  if (Math.abs(now - signedAt) > MAX_CLOCK_SKEW_MS) throw gatewayErrors.expiredTimestamp();
}

function canonicalRequest(request: SignedRequest, signedHeaders: string[], payloadHash: string): string {
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${(header(request, name) ?? '').trim()}\n`).join('');
  return [
    request.method,
    request.path,
    canonicalQuery(request.query),
    canonicalHeaders,
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

function canonicalQuery(query: ReadonlyMap<string, string>): string {
  return [...query.keys()]
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(query.get(key)!)}`)
    .join('&');
}

/** RFC 3986 encoding as the documentation prescribes: encodeURIComponent plus !'()* escaped. */
function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sign(secret: string, canonical: string): string {
  const stringToSign = `${ACS3_ALGORITHM}\n${sha256Hex(Buffer.from(canonical))}`;
  return createHmac('sha256', secret).update(stringToSign).digest('hex');
}

function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function header(request: SignedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}
