/** The validation kube-apiserver does that podeip and kubectl can observe: names, pod basics, pod spec immutability. */
import type { StatusCause } from './api-errors.js';
import { deepEqual } from './deep-equal.js';
import { eventViolations } from './event-validation.js';
import { objectMetaViolations, requiredValue, subdomainProblems } from './object-meta-validation.js';
import type { KubeObject } from './resource-type.js';

export function nameViolations(object: KubeObject): StatusCause[] {
  const name = object.metadata?.name;
  if (!name) return [requiredValue('metadata.name', 'name or generateName is required')];
  return subdomainProblems(name).map((problem) => ({ reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(name)}: ${problem}`, field: 'metadata.name' }));
}

function podViolations(pod: KubeObject): StatusCause[] {
  const containers: KubeObject[] = pod.spec?.containers ?? [];
  if (containers.length === 0) return [requiredValue('spec.containers')];
  return containers.flatMap((container, index) => [
    ...(container.name ? [] : [requiredValue(`spec.containers[${index}].name`)]),
    ...(container.image ? [] : [requiredValue(`spec.containers[${index}].image`)]),
  ]);
}

const podSpecMessage =
  'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function withMutableFieldsOf(spec: KubeObject, source: KubeObject): KubeObject {
  const images = (list: KubeObject[] | undefined, from: KubeObject[] | undefined) =>
    list?.map((container, index) => ({ ...container, image: from?.[index]?.image }));
  return {
    ...spec,
    containers: images(spec.containers, source.containers),
    initContainers: images(spec.initContainers, source.initContainers),
    activeDeadlineSeconds: source.activeDeadlineSeconds,
    tolerations: source.tolerations,
    terminationGracePeriodSeconds: source.terminationGracePeriodSeconds,
  };
}

function podUpdateViolations(old: KubeObject, updated: KubeObject): StatusCause[] {
  if (deepEqual(withMutableFieldsOf(old.spec ?? {}, updated.spec ?? {}), updated.spec ?? {})) return [];
  return [{ reason: 'FieldValueForbidden', message: podSpecMessage, field: 'spec' }];
}

export function createViolations(resource: string, object: KubeObject): StatusCause[] {
  return [
    ...nameViolations(object),
    ...objectMetaViolations(object),
    ...(resource === '/pods' ? podViolations(object) : []),
    ...(resource === '/events' ? eventViolations(object) : []),
  ];
}

export function updateViolations(resource: string, old: KubeObject, updated: KubeObject): StatusCause[] {
  const addedFinalizers = (updated.metadata.finalizers ?? []).filter((name: string) => !(old.metadata.finalizers ?? []).includes(name));
  const finalizerViolations =
    old.metadata.deletionTimestamp && addedFinalizers.length > 0
      ? [{ reason: 'FieldValueForbidden', message: 'Forbidden: no new finalizers can be added if the object is being deleted', field: 'metadata.finalizers' }]
      : [];
  const podViolationsOnUpdate = resource === '/pods' ? [...podViolations(updated), ...podUpdateViolations(old, updated)] : [];
  return [...objectMetaViolations(updated), ...finalizerViolations, ...podViolationsOnUpdate];
}
