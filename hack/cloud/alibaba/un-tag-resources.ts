/** VPC UnTagResources for `ResourceType=EIP`: removes the named tag keys (or all with `All=true`); absent keys are no error. */
import { gatewayErrors } from './alibaba-api-error.js';
import { VPC_VERSION, type AlibabaAction } from './alibaba-action.js';
import { namedEips } from './tag-resources.js';

const MAX_KEYS = 20;

export const unTagResources: AlibabaAction = {
  name: 'UnTagResources',
  version: VPC_VERSION,
  parameters: ['ResourceType', 'ResourceId.N', 'TagKey.N', 'All'],
  handle(parameters, context) {
    const keys = new Set(parameters.repeatList('TagKey'));
    if (keys.size > MAX_KEYS) throw gatewayErrors.invalidParameter('TagKey');
    const all = parameters.oneOf('All', ['true', 'false'], 'false') === 'true';
    for (const eip of namedEips(parameters, context)) eip.tags = all ? [] : eip.tags.filter((tag) => !keys.has(tag.key));
    return {};
  },
};
