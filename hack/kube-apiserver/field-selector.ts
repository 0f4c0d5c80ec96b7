/** Field selectors (`a=b`, `a==b`, `a!=b`) limited, like kube-apiserver, to the fields each kind indexes. */
import { badRequest } from './api-errors.js';
import type { KubeObject, ResourceType } from './resource-type.js';

const commonFields = ['metadata.name', 'metadata.namespace'];

const podFields = [
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.schedulerName',
  'spec.serviceAccountName',
  'spec.hostNetwork',
  'status.phase',
  'status.podIP',
  'status.nominatedNodeName',
];

const coreEventFields = [
  'involvedObject.kind',
  'involvedObject.namespace',
  'involvedObject.name',
  'involvedObject.uid',
  'involvedObject.apiVersion',
  'involvedObject.resourceVersion',
  'involvedObject.fieldPath',
  'reason',
  'reportingComponent',
  'source',
  'type',
];

const fieldsByKind: Record<string, string[]> = {
  '/pods': podFields,
  '/events': coreEventFields,
  'events.k8s.io/events': coreEventFields,
  '/nodes': ['spec.unschedulable'],
  '/namespaces': ['status.phase'],
  'apps/replicasets': ['status.replicas'],
};

function supportedFields(type: ResourceType): string[] {
  return [...commonFields, ...(fieldsByKind[`${type.group}/${type.plural}`] ?? [])];
}

function fieldValue(object: KubeObject, path: string): string {
  if (path === 'source') return object.source?.component ?? '';
  const value = path.split('.').reduce<any>((current, segment) => current?.[segment], object);
  return value === undefined || value === null ? '' : String(value);
}

export type FieldMatcher = (object: KubeObject) => boolean;

export function parseFieldSelector(selector: string | undefined, type: ResourceType): FieldMatcher {
  const allowed = supportedFields(type);
  const terms = (selector ?? '')
    .split(',')
    .map((term) => term.trim())
    .filter((term) => term !== '')
    .map((term) => {
      const match = /^([^!=]+)(==|=|!=)(.*)$/.exec(term);
      if (!match) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
      const [, field, operator, value] = match as unknown as [string, string, string, string];
      if (!allowed.includes(field)) {
        throw badRequest(`field label not supported: ${field}`);
      }
      return { field, negate: operator === '!=', value };
    });
  return (object) => terms.every((term) => (fieldValue(object, term.field) === term.value) !== term.negate);
}
