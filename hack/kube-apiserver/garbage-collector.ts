/**
 * The garbage collector of kube-controller-manager, in process: when an owner is gone its dependents
 * (objects whose ownerReferences name its uid) are deleted unless another owner still exists;
 * `orphan` strips the ownerReferences first; `foregroundDeletion` deletes the dependents (those whose
 * reference has `blockOwnerDeletion` in the foreground too) and keeps the owner until no dependent
 * with `blockOwnerDeletion: true` is left (processDeletingDependentsItem / blockingDependents).
 * Dependents that point at an owner which never existed are left alone.
 */
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from './deletion-plan.js';
import type { ObjectService } from './object-service.js';
import type { StoredEvent } from './object-store.js';
import { storageKeyOf, type KubeObject, type ResourceType } from './resource-type.js';
import { StoreFollower } from './store-follower.js';

interface ObjectRef {
  resource: string;
  namespace?: string;
  name: string;
}

interface DependentRef extends ObjectRef {
  /** Its ownerReference to this owner has `blockOwnerDeletion: true`. */
  blocking: boolean;
}

function refOf(event: StoredEvent): ObjectRef {
  return { resource: event.resource, namespace: event.object.metadata.namespace, name: event.object.metadata.name };
}

function ownerReferencesOf(object: KubeObject): KubeObject[] {
  return object.metadata.ownerReferences ?? [];
}

function ownerUidsOf(object: KubeObject): string[] {
  return ownerReferencesOf(object).map((reference) => reference.uid);
}

function isDeletingWith(object: KubeObject, finalizer: string): boolean {
  return Boolean(object.metadata.deletionTimestamp) && (object.metadata.finalizers ?? []).includes(finalizer);
}

export class GarbageCollector extends StoreFollower {
  private readonly live = new Map<string, ObjectRef>();
  private readonly dependents = new Map<string, Map<string, DependentRef>>();
  private readonly owners = new Map<string, string[]>();

  constructor(private readonly service: ObjectService) {
    super(service.store);
  }

  protected observe(event: StoredEvent): void {
    const uid: string = event.object.metadata.uid;
    this.index(uid, event.type === 'DELETED' ? [] : ownerReferencesOf(event.object), refOf(event));
    if (event.type === 'DELETED') {
      this.live.delete(uid);
      if (this.dependents.has(uid)) this.afterWrite(() => this.deleteDependentsOf(uid));
      for (const ownerUid of ownerUidsOf(event.object)) this.afterWrite(() => this.continueForeground(ownerUid));
      return;
    }
    this.live.set(uid, refOf(event));
    if (isDeletingWith(event.object, ORPHAN_FINALIZER)) this.afterWrite(() => this.orphanDependentsOf(uid));
    if (isDeletingWith(event.object, FOREGROUND_FINALIZER)) this.afterWrite(() => this.continueForeground(uid));
  }

  private index(uid: string, ownerReferences: KubeObject[], ref: ObjectRef): void {
    for (const ownerUid of this.owners.get(uid) ?? []) {
      const dependents = this.dependents.get(ownerUid);
      dependents?.delete(uid);
      if (dependents?.size === 0) this.dependents.delete(ownerUid);
    }
    if (ownerReferences.length === 0) this.owners.delete(uid);
    else this.owners.set(uid, ownerReferences.map((reference) => reference.uid));
    for (const reference of ownerReferences) {
      const dependents = this.dependents.get(reference.uid) ?? new Map<string, DependentRef>();
      dependents.set(uid, { ...ref, blocking: reference.blockOwnerDeletion === true });
      this.dependents.set(reference.uid, dependents);
    }
  }

  private typeOf(resource: string): ResourceType | undefined {
    return this.service.registry.allResources().find((type) => storageKeyOf(type) === resource);
  }

  private current(ref: ObjectRef): { type: ResourceType; object: KubeObject } | undefined {
    const type = this.typeOf(ref.resource);
    const object = type && this.service.store.get(ref.resource, ref.namespace, ref.name);
    return type && object ? { type, object } : undefined;
  }

  private dependentRefsOf(ownerUid: string): Array<[string, DependentRef]> {
    return [...(this.dependents.get(ownerUid) ?? new Map<string, DependentRef>()).entries()];
  }

  /** An owner waiting in the foreground deletes its blocking dependents in the foreground too. */
  private deleteDependentsOf(ownerUid: string, ownerInForeground = false): void {
    for (const [dependentUid, ref] of this.dependentRefsOf(ownerUid)) {
      const hasLiveOwner = (this.owners.get(dependentUid) ?? []).some((uid) => uid !== ownerUid && this.live.has(uid));
      const found = this.current(ref);
      if (hasLiveOwner || !found || found.object.metadata.deletionTimestamp) continue;
      const propagationPolicy = ownerInForeground && ref.blocking ? 'Foreground' : 'Background';
      this.service.delete(found.type, ref.namespace, ref.name, { propagationPolicy });
    }
  }

  private orphanDependentsOf(ownerUid: string): void {
    for (const [, ref] of this.dependentRefsOf(ownerUid)) {
      const found = this.current(ref);
      if (!found) continue;
      const ownerReferences = found.object.metadata.ownerReferences.filter((reference: KubeObject) => reference.uid !== ownerUid);
      const metadata = { ...found.object.metadata, ownerReferences: ownerReferences.length > 0 ? ownerReferences : undefined };
      this.service.replace(found.type, found.object, { ...found.object, metadata });
    }
    this.removeFinalizer(ownerUid, ORPHAN_FINALIZER);
  }

  private continueForeground(ownerUid: string): void {
    const owner = this.live.get(ownerUid);
    const found = owner && this.current(owner);
    if (!found || !isDeletingWith(found.object, FOREGROUND_FINALIZER)) return;
    this.deleteDependentsOf(ownerUid, true);
    if (!this.dependentRefsOf(ownerUid).some(([, ref]) => ref.blocking)) this.removeFinalizer(ownerUid, FOREGROUND_FINALIZER);
  }

  private removeFinalizer(ownerUid: string, finalizer: string): void {
    const owner = this.live.get(ownerUid);
    const found = owner && this.current(owner);
    if (!found) return;
    const finalizers = (found.object.metadata.finalizers ?? []).filter((name: string) => name !== finalizer);
    const metadata = { ...found.object.metadata, finalizers: finalizers.length > 0 ? finalizers : undefined };
    this.service.replace(found.type, found.object, { ...found.object, metadata });
  }
}
