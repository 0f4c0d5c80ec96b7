/** Tag UnTagResources: removes tag keys from EIPs; a key an address does not carry is no error. */
import { changeEachResource, requireDistinctKeys } from '../tag-service.js';
import type { ActionHandler } from '../tencent-context.js';

export const unTagResources: ActionHandler = (parameters, context) => {
  const keys = parameters.TagKeys as string[];
  requireDistinctKeys(keys);
  return changeEachResource(parameters.ResourceList as string[], context, (address) => {
    address.tags = address.tags.filter((tag) => !keys.includes(tag.Key));
  });
};
