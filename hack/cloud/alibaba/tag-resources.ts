/** VPC TagResources for `ResourceType=EIP`: adds or overwrites tags, at most 20 per EIP. */
import { AlibabaApiError, eipErrors, gatewayErrors } from './alibaba-api-error.js';
import { VPC_VERSION, type AlibabaAction, type AlibabaContext } from './alibaba-action.js';
import { MAX_TAGS_PER_EIP, type EipRecord } from './eip-record.js';
import type { RpcParameters, Tag } from './rpc-parameters.js';

const MAX_RESOURCES = 50;

export const tagResources: AlibabaAction = {
  name: 'TagResources',
  version: VPC_VERSION,
  parameters: ['ResourceType', 'ResourceId.N', 'Tag.N.Key', 'Tag.N.Value'],
  handle(parameters, context) {
    const tags = parameters.tags();
    if (tags.length === 0) throw gatewayErrors.missingParameter('Tag.1.Key');
    const eips = namedEips(parameters, context);
    eips.forEach((eip) => requireRoom(eip, tags));
    eips.forEach((eip) => applyTags(eip, tags));
    return {};
  },
};

/** The EIPs of `ResourceType=EIP` and `ResourceId.N` (also read by UnTagResources); one unknown id fails the call. */
export function namedEips(parameters: RpcParameters, context: AlibabaContext): EipRecord[] {
  if (parameters.required('ResourceType').toUpperCase() !== 'EIP') throw gatewayErrors.invalidParameter('ResourceType');
  const ids = parameters.repeatList('ResourceId');
  if (ids.length === 0) throw gatewayErrors.missingParameter('ResourceId.1');
  if (ids.length > MAX_RESOURCES) throw gatewayErrors.invalidParameter('ResourceId');
  return ids.map((id) => context.eips.find(id) ?? notFound());
}

function notFound(): never {
  throw new AlibabaApiError('InvalidResourceId.NotFound', 'The specified resource is not found.', 404);
}

function requireRoom(eip: EipRecord, tags: Tag[]): void {
  const keys = new Set([...eip.tags, ...tags].map((tag) => tag.key));
  if (keys.size > MAX_TAGS_PER_EIP) throw eipErrors.tooManyTags();
}

function applyTags(eip: EipRecord, tags: Tag[]): void {
  for (const tag of tags) {
    const existing = eip.tags.find((candidate) => candidate.key === tag.key);
    if (existing) existing.value = tag.value;
    else eip.tags.push({ ...tag });
  }
}
