/** The `scale` subresource of the apps workloads (autoscaling/v1 Scale) and `pods/binding`. */
import { ApiError, conflict, invalid } from './api-errors.js';
import { builtinResources } from './builtin-resources.js';
import { formatLabelSelector } from './label-selector.js';
import type { ObjectService } from './object-service.js';
import { checkPatchType, patchedObject } from './patch-document.js';
import { prepareForUpdate } from './object-writes.js';
import type { KubeObject, ResourceType } from './resource-type.js';

const scaleType: ResourceType = { ...builtinResources.find((type) => type.kind === 'Deployment')!, group: 'autoscaling', kind: 'Scale' };

export function scaleOf(object: KubeObject): KubeObject {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = object.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: object.spec?.replicas ?? 0 },
    status: { replicas: object.status?.replicas ?? 0, selector: formatLabelSelector(object.spec?.selector) },
  };
}

/** Writes spec.replicas of the parent from a Scale; returns the parent. */
export function updateScale(service: ObjectService, type: ResourceType, namespace: string, name: string, scale: KubeObject): KubeObject {
  const old = service.get(type, namespace, name);
  const expected = scale.metadata?.resourceVersion;
  if (expected && expected !== old.metadata.resourceVersion) throw conflict(type, name);
  const replicas = scale.spec?.replicas;
  if (!Number.isInteger(replicas) || replicas < 0) {
    const message = `Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0`;
    throw invalid(scaleType, name, [{ reason: 'FieldValueInvalid', message, field: 'spec.replicas' }]);
  }
  const next = prepareForUpdate(type, old, { ...old, spec: { ...old.spec, replicas } }, undefined);
  return service.replace(type, old, next);
}

export function patchScale(service: ObjectService, type: ResourceType, namespace: string, name: string, contentType: string | undefined, body: string): KubeObject {
  checkPatchType(scaleType, contentType);
  const current = scaleOf(service.get(type, namespace, name));
  return updateScale(service, type, namespace, name, patchedObject(scaleType, contentType, current, body));
}

/** What kube-scheduler posts to assign a pod to a node; a pod is bound once only. */
export function bindPod(service: ObjectService, type: ResourceType, namespace: string, name: string, binding: KubeObject): void {
  const pod = service.get(type, namespace, name);
  const nodeName = binding.target?.name;
  if (!nodeName) throw invalid({ group: '', plural: 'bindings', kind: 'Binding' }, name, [{ reason: 'FieldValueRequired', message: 'Required value', field: 'target.name' }]);
  if (pod.spec?.nodeName) {
    throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
  }
  if (pod.metadata.deletionTimestamp) {
    throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is being deleted, cannot be assigned to a host`);
  }
  service.replace(type, pod, { ...pod, spec: { ...pod.spec, nodeName } });
}
