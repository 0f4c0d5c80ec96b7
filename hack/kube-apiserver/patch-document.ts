/** Applies a PATCH body to the current object according to its Content-Type. */
import jsonpatch from 'fast-json-patch';
import { parse as parseYaml } from 'yaml';
import { ApiError, badRequest, unsupportedMediaType } from './api-errors.js';
import { mergePatch } from './merge-patch.js';
import type { KubeObject, ResourceType } from './resource-type.js';
import { strategicMerge } from './strategic-merge-patch.js';

export const JSON_PATCH = 'application/json-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
export const APPLY_PATCH = 'application/apply-patch+yaml';

export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function acceptedPatchTypes(type: ResourceType): string[] {
  return type.strategicMerge ? [JSON_PATCH, MERGE_PATCH, APPLY_PATCH, STRATEGIC_MERGE_PATCH] : [JSON_PATCH, MERGE_PATCH, APPLY_PATCH];
}

/** Rejects, as kube-apiserver does, a patch type the resource does not accept, before anything else happens. */
export function checkPatchType(type: ResourceType, contentType: string | undefined): void {
  const accepted = acceptedPatchTypes(type);
  if (!accepted.includes(mediaTypeOf(contentType))) throw unsupportedMediaType(accepted);
}

function parseJson(body: string): any {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw badRequest(`error decoding patch: ${(error as Error).message}`);
  }
}

/** The applied configuration of a server-side apply request (YAML, of which JSON is a subset). */
export function parseApplyBody(body: string): KubeObject {
  try {
    return parseYaml(body) as KubeObject;
  } catch (error) {
    throw badRequest(`error decoding YAML: ${(error as Error).message}`);
  }
}

function applyJsonPatch(original: KubeObject, body: string): KubeObject {
  const operations = parseJson(body);
  if (!Array.isArray(operations)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  try {
    return jsonpatch.applyPatch(structuredClone(original), operations, true, true).newDocument;
  } catch (error) {
    throw new ApiError(422, 'Invalid', (error as Error).message.split('\n')[0]!);
  }
}

/**
 * Server-side apply is approximated: the applied configuration is merged into the live object
 * (strategic merge for built-in types, JSON merge for custom resources); field ownership is not tracked.
 */
export function patchedObject(type: ResourceType, contentType: string | undefined, original: KubeObject, body: string): KubeObject {
  switch (mediaTypeOf(contentType)) {
    case JSON_PATCH:
      return applyJsonPatch(original, body);
    case MERGE_PATCH:
      return mergePatch(original, parseJson(body));
    case STRATEGIC_MERGE_PATCH:
      return strategicMerge(original, parseJson(body));
    default: {
      const applied = parseApplyBody(body);
      return type.strategicMerge ? strategicMerge(original, applied) : mergePatch(original, applied);
    }
  }
}
