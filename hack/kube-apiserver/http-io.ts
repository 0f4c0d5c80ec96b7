/** Reading request bodies and writing JSON responses. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { badRequest, unsupportedMediaType } from './api-errors.js';
import { mediaTypeOf } from './patch-document.js';

const MAX_BODY_BYTES = 3 * 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request entity too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
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

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
