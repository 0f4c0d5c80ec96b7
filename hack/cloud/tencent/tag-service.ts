/**
 * The Tag 2018-08-13 service beside VPC on the same endpoint: which actions are its, and how its
 * six-segment resource descriptions name an EIP (`qcs::cvm:<region>:uin/<uin>:eip/<id>`, the uin
 * empty for the caller's own account; cloud.tencent.com/document/product/598/10606).
 */
import type { TencentAddress } from './tencent-address.js';
import { TencentApiError } from './tencent-api-error.js';
import type { TencentContext } from './tencent-context.js';

export const TAG_API_VERSION = '2018-08-13';
const TAG_ACTIONS = new Set(['TagResources', 'UnTagResources']);
/** `ResourceList.N` and `Tags.N` / `TagKeys.N`: N from 0 to 9. */
export const MAX_PER_REQUEST = 10;

const EIP_RESOURCE = /^qcs::cvm:([^:]+):uin\/(\d*):eip\/(.+)$/;

export function isTagAction(action: string): boolean {
  return TAG_ACTIONS.has(action);
}

export interface FailedResource {
  Resource: string;
  Code: string;
  Message: string;
}

export const tagErrors = {
  resourceDescription: (resource: string) =>
    new TencentApiError('InvalidParameterValue.ResourceDescriptionError', `The resource description \`${resource}\` is not valid.`),
  tooManyResources: () => new TencentApiError('LimitExceeded.ResourceNumPerRequest', `At most ${MAX_PER_REQUEST} resources per request.`),
  tooManyTags: () => new TencentApiError('LimitExceeded.TagNumPerRequest', `At most ${MAX_PER_REQUEST} tags per request.`),
  keyEmpty: () => new TencentApiError('InvalidParameterValue.TagKeyEmpty', 'A tag key is empty.'),
  keyDuplicate: (key: string) => new TencentApiError('InvalidParameterValue.TagKeyDuplicate', `The tag key \`${key}\` is given twice.`),
  valueEmpty: (key: string) => new TencentApiError('InvalidParameterValue.TagValueEmpty', `The tag \`${key}\` has an empty value.`),
};

/**
 * Runs `change` on each resource's address; a resource that names no existing EIP becomes a
 * FailedResources entry, as the Tag API reports a refusal per resource.
 */
export function changeEachResource(
  resources: string[],
  context: TencentContext,
  change: (address: TencentAddress) => void,
): { FailedResources: FailedResource[] } {
  if (resources.length > MAX_PER_REQUEST) throw tagErrors.tooManyResources();
  const addresses = resources.map((resource) => ({ resource, address: addressOf(resource, context) }));
  const FailedResources: FailedResource[] = [];
  for (const { resource, address } of addresses) {
    if (address) change(address);
    else FailedResources.push({ Resource: resource, Code: 'ResourceNotFound', Message: `The resource \`${resource}\` does not exist.` });
  }
  return { FailedResources };
}

export function requireDistinctKeys(keys: string[]): void {
  if (keys.length > MAX_PER_REQUEST) throw tagErrors.tooManyTags();
  const seen = new Set<string>();
  for (const key of keys) {
    if (key === '') throw tagErrors.keyEmpty();
    if (seen.has(key)) throw tagErrors.keyDuplicate(key);
    seen.add(key);
  }
}

function addressOf(resource: string, context: TencentContext): TencentAddress | undefined {
  const match = EIP_RESOURCE.exec(resource);
  if (!match || match[1] !== context.region) throw tagErrors.resourceDescription(resource);
  return context.book.get(match[3]!);
}
