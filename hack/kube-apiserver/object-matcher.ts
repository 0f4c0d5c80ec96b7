/** Which objects a list or watch request selects: namespace, label selector, field selector. */
import { parseFieldSelector } from './field-selector.js';
import { parseLabelSelector } from './label-selector.js';
import type { KubeObject, ResourceType } from './resource-type.js';

export interface Selection {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export type ObjectMatcher = (object: KubeObject) => boolean;

export function matcherFor(type: ResourceType, selection: Selection): ObjectMatcher {
  const labelsMatch = parseLabelSelector(selection.labelSelector);
  const fieldsMatch = parseFieldSelector(selection.fieldSelector, type);
  return (object) =>
    (!selection.namespace || object.metadata.namespace === selection.namespace) && labelsMatch(object.metadata.labels) && fieldsMatch(object);
}
