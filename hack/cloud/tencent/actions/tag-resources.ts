/** Tag TagResources (tencentcloud.com/document/api/651/46533): adds tags to EIPs, overwriting a key's value. */
import { changeEachResource, requireDistinctKeys, tagErrors } from '../tag-service.js';
import type { ActionHandler } from '../tencent-context.js';

interface ResourceTag {
  TagKey: string;
  TagValue: string;
}

export const tagResources: ActionHandler = (parameters, context) => {
  const tags = parameters.Tags as ResourceTag[];
  requireDistinctKeys(tags.map((tag) => tag.TagKey));
  const empty = tags.find((tag) => tag.TagValue === '');
  if (empty) throw tagErrors.valueEmpty(empty.TagKey);
  return changeEachResource(parameters.ResourceList as string[], context, (address) => {
    for (const { TagKey, TagValue } of tags) {
      const existing = address.tags.find((tag) => tag.Key === TagKey);
      if (existing) existing.Value = TagValue;
      else address.tags.push({ Key: TagKey, Value: TagValue });
    }
  });
};
