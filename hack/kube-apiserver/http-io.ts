/** Reading request bodies and writing JSON responses. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { ApiError, badRequest, unsupportedMediaType } from './api-errors.js';
import { mediaTypeOf } from './patch-document.js';

const MAX_BODY_BYTES = 3 * 1024 * 1024;

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new ApiError(413, 'RequestEntityTooLarge', 'the request body is too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A create/update body: JSON or YAML; protobuf and anything else get 415. */
export function parseObjectBody(body: string, contentType: string | undefined): any {
  const media = mediaTypeOf(contentType);
  if (!['', 'application/json', 'application/yaml', '*/*'].includes(media)) {
    throw unsupportedMediaType(['application/json', 'application/yaml']);
  }
  if (body.trim() === '') return {};
  try {
    return media === 'application/yaml' ? parseYaml(body) : JSON.parse(body);
  } catch (error) {
    throw badRequest(`the object provided is unrecognized: ${(error as Error).message}`);
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

/** Adds a `Warning: 299 - "text"` header, which clients such as kubectl print as `Warning: text`. */
export function addWarning(response: ServerResponse, text: string): void {
  const earlier = response.getHeader('Warning');
  const values = earlier === undefined ? [] : Array.isArray(earlier) ? earlier : [String(earlier)];
  response.setHeader('Warning', [...values, `299 - ${JSON.stringify(text)}`]);
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
