/**
 * What a DELETE does to an object, following kube-apiserver's BeforeDelete: remove it at once, or mark
 * it with deletionTimestamp (graceful pod deletion; finalizers, including the garbage collector's
 * `orphan` and `foregroundDeletion`) and keep it.
 */
import { ApiError, badRequest } from './api-errors.js';
import type { KubeObject, ResourceType } from './resource-type.js';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: string;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

export type DeletionPlan = { action: 'remove' } | { action: 'keep' } | { action: 'mark'; object: KubeObject };

const policyFinalizers: Record<string, string | undefined> = {
  Orphan: ORPHAN_FINALIZER,
  Foreground: FOREGROUND_FINALIZER,
  Background: undefined,
};

function isPod(type: ResourceType): boolean {
  return type.group === '' && type.plural === 'pods';
}

/** A namespace with `spec.finalizers` (`kubernetes` from its creation) stays Terminating until the namespace controller empties it. */
export function awaitsNamespaceFinalizers(type: ResourceType, object: KubeObject): boolean {
  return type.group === '' && type.plural === 'namespaces' && (object.spec?.finalizers ?? []).length > 0;
}

/** Pods on a node that are not finished get a grace period; everything else is deleted with 0. */
function gracePeriodOf(type: ResourceType, object: KubeObject, options: DeleteOptions): number {
  if (!isPod(type) || !object.spec?.nodeName) return 0;
  if (['Failed', 'Succeeded'].includes(object.status?.phase)) return 0;
  const grace = options.gracePeriodSeconds ?? object.spec.terminationGracePeriodSeconds ?? 30;
  return grace < 0 ? 1 : grace;
}

export function checkPreconditions(object: KubeObject, options: DeleteOptions): void {
  const { uid, resourceVersion } = options.preconditions ?? {};
  if (uid && uid !== object.metadata.uid) {
    throw new ApiError(409, 'Conflict', `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${object.metadata.uid}`);
  }
  if (resourceVersion && resourceVersion !== object.metadata.resourceVersion) {
    throw new ApiError(
      409,
      'Conflict',
      `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${object.metadata.resourceVersion}`,
    );
  }
}

function finalizersAfterDelete(object: KubeObject, options: DeleteOptions): string[] {
  const policy = options.propagationPolicy;
  if (policy !== undefined && !(policy in policyFinalizers)) {
    throw badRequest(`DeleteOptions.propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`);
  }
  const finalizers: string[] = object.metadata.finalizers ?? [];
  const added = policy ? policyFinalizers[policy] : undefined;
  return added && !finalizers.includes(added) ? [...finalizers, added] : finalizers;
}

function at(now: Date, seconds: number): string {
  return new Date(now.getTime() + seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
}

function marked(type: ResourceType, object: KubeObject, grace: number, finalizers: string[], now: Date): KubeObject {
  const metadata = { ...object.metadata, deletionTimestamp: at(now, grace), deletionGracePeriodSeconds: grace };
  if (finalizers.length > 0) metadata.finalizers = finalizers;
  if (type.tracksGeneration) metadata.generation = (metadata.generation ?? 0) + 1;
  if (awaitsNamespaceFinalizers(type, object)) return { ...object, metadata, status: { ...object.status, phase: 'Terminating' } };
  return { ...object, metadata };
}

/** A second DELETE of a terminating object can only shorten a pod's grace period. */
function planForDeleting(type: ResourceType, object: KubeObject, options: DeleteOptions, now: Date): DeletionPlan {
  const grace = gracePeriodOf(type, object, options);
  if (!isPod(type) || grace >= (object.metadata.deletionGracePeriodSeconds ?? 0)) return { action: 'keep' };
  const finalizers: string[] = object.metadata.finalizers ?? [];
  if (grace === 0 && finalizers.length === 0) return { action: 'remove' };
  return { action: 'mark', object: { ...object, metadata: { ...object.metadata, deletionTimestamp: at(now, grace), deletionGracePeriodSeconds: grace } } };
}

export function planDeletion(type: ResourceType, object: KubeObject, options: DeleteOptions, now: Date): DeletionPlan {
  checkPreconditions(object, options);
  if (object.metadata.deletionTimestamp) return planForDeleting(type, object, options, now);
  const grace = gracePeriodOf(type, object, options);
  const finalizers = finalizersAfterDelete(object, options);
  if (grace === 0 && finalizers.length === 0 && !awaitsNamespaceFinalizers(type, object)) return { action: 'remove' };
  return { action: 'mark', object: marked(type, object, grace, finalizers, now) };
}
