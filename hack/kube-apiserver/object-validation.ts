/** The validation kube-apiserver does that podeip and kubectl can observe: names, pod basics, pod spec immutability. */
import type { StatusCause } from './api-errors.js';
import { deepEqual } from './deep-equal.js';
import type { KubeObject } from './resource-type.js';

const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const subdomainMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

function required(field: string, detail?: string): StatusCause {
  return { reason: 'FieldValueRequired', message: detail ? `Required value: ${detail}` : 'Required value', field };
}

export function nameViolations(object: KubeObject): StatusCause[] {
  const name = object.metadata?.name;
  if (!name) return [required('metadata.name', 'name or generateName is required')];
  if (name.length > 253 || !subdomain.test(name)) {
    return [{ reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(name)}: ${subdomainMessage}`, field: 'metadata.name' }];
  }
  return [];
}

function podViolations(pod: KubeObject): StatusCause[] {
  const containers: KubeObject[] = pod.spec?.containers ?? [];
  if (containers.length === 0) return [required('spec.containers')];
  return containers.flatMap((container, index) => [
    ...(container.name ? [] : [required(`spec.containers[${index}].name`)]),
    ...(container.image ? [] : [required(`spec.containers[${index}].image`)]),
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
  return [...nameViolations(object), ...(resource === '/pods' ? podViolations(object) : [])];
}

export function updateViolations(resource: string, old: KubeObject, updated: KubeObject): StatusCause[] {
  const addedFinalizers = (updated.metadata.finalizers ?? []).filter((name: string) => !(old.metadata.finalizers ?? []).includes(name));
  const finalizerViolations =
    old.metadata.deletionTimestamp && addedFinalizers.length > 0
      ? [{ reason: 'FieldValueForbidden', message: 'Forbidden: no new finalizers can be added if the object is being deleted', field: 'metadata.finalizers' }]
      : [];
  const podViolationsOnUpdate = resource === '/pods' ? [...podViolations(updated), ...podUpdateViolations(old, updated)] : [];
  return [...finalizerViolations, ...podViolationsOnUpdate];
}
