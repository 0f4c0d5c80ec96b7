/** The REST semantics of every resource, independent of HTTP: create, read, update, patch, delete. */
import {
  alreadyExists,
  conflict,
  invalid,
  namespaceTerminating,
  notFound,
  resourceVersionSetOnCreate,
  type StatusCause,
  uidPreconditionFailed,
} from './api-errors.js';
import { withCreateDefaults } from './builtin-defaults.js';
import { crdViolations, establishedStatus, resourceTypesOf } from './crd-resources.js';
import { awaitsNamespaceFinalizers, planDeletion, type DeleteOptions } from './deletion-plan.js';
import { DryRunStore } from './dry-run.js';
import { silentlyDropUnknownFields, type UnknownFieldPolicy } from './field-validation.js';
import { pageOf, type Page } from './list-pages.js';
import { matcherFor, type Selection } from './object-matcher.js';
import type { ObjectStore } from './object-store.js';
import { createViolations, updateViolations } from './object-validation.js';
import {
  checkKind,
  checkNameMatches,
  checkNamespaceMatches,
  isReadyToRemove,
  isUnchanged,
  prepareForCreate,
  prepareForUpdate,
} from './object-writes.js';
import { decodedObject } from './typed-fields.js';
import { APPLY_PATCH, checkPatchType, mediaTypeOf, parseApplyBody, patchedObject } from './patch-document.js';
import type { ResourceRegistry } from './resource-registry.js';
import { apiVersionOf, resourceKey, storageKeyOf, type KubeObject, type ResourceType } from './resource-type.js';

export interface ListOptions extends Selection {
  limit?: number;
  continueToken?: string;
}

export interface PatchRequest {
  contentType: string | undefined;
  body: string;
  subresource?: string;
  unknownFields?: UnknownFieldPolicy;
}

export interface DeleteResult {
  removed: boolean;
  object: KubeObject;
}

const CRDS = 'apiextensions.k8s.io/customresourcedefinitions';
const NAMESPACES = '/namespaces';

export class ObjectService {
  constructor(
    readonly store: ObjectStore,
    readonly registry: ResourceRegistry,
    private readonly now: () => Date,
    private readonly persists = true,
  ) {}

  /** The same operations for `dryRun=All`: answered in full, nothing kept (see dry-run.ts). */
  dryRunView(): ObjectService {
    return new ObjectService(new DryRunStore(this.store), this.registry, this.now, false);
  }

  /** The object as the requested version shows it (custom resources are not converted between versions). */
  present(type: ResourceType, object: KubeObject): KubeObject {
    const converted = type.storage ? type.storage.fromStorage(object) : object;
    return { ...converted, apiVersion: apiVersionOf(type), kind: type.kind };
  }

  /** A client's object in the form its storage keeps, its typed fields decoded as kube-apiserver's Go structs would. */
  private stored(type: ResourceType, body: KubeObject): KubeObject {
    const converted = type.storage ? type.storage.toStorage(body) : body;
    return decodedObject(storageKeyOf(type), type.kind, type.version, converted);
  }

  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const object = this.store.get(storageKeyOf(type), namespace, name);
    if (!object) throw notFound(type, name);
    return object;
  }

  list(type: ResourceType, options: ListOptions): Page {
    const matches = matcherFor(type, options);
    const objects = this.store.list(storageKeyOf(type), options.namespace).filter(matches);
    return pageOf(objects, String(this.store.currentVersion), options.limit, options.continueToken);
  }

  create(type: ResourceType, namespace: string | undefined, sent: KubeObject, unknownFields: UnknownFieldPolicy = silentlyDropUnknownFields): KubeObject {
    checkKind(type, sent);
    const body = unknownFields.knownFieldsOf(type, sent);
    checkNamespaceMatches(body, namespace);
    if (body.metadata?.resourceVersion) throw resourceVersionSetOnCreate();
    if (type.namespaced) this.requireLiveNamespace(type, namespace!, body.metadata?.name ?? '');
    let object = withCreateDefaults(resourceKey(type), prepareForCreate(type, this.stored(type, body), namespace, this.now()));
    object = { ...object, apiVersion: apiVersionOf(type), kind: type.kind };
    if (resourceKey(type) === CRDS) object = { ...object, status: establishedStatus(object, this.now()) };
    this.rejectInvalid(type, object, [...createViolations(resourceKey(type), object), ...this.crdChecks(type, object)]);
    if (this.store.get(storageKeyOf(type), namespace, object.metadata.name)) throw alreadyExists(type, object.metadata.name);
    return this.saved(type, object);
  }

  update(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    sent: KubeObject,
    subresource?: string,
    unknownFields: UnknownFieldPolicy = silentlyDropUnknownFields,
  ): KubeObject {
    checkKind(type, sent);
    const body = unknownFields.knownFieldsOf(type, sent);
    checkNameMatches(body, name);
    const old = this.get(type, namespace, name);
    const expected = body.metadata?.resourceVersion;
    if (expected && expected !== old.metadata.resourceVersion) throw conflict(type, name);
    const sentUid = body.metadata?.uid;
    if (sentUid && sentUid !== old.metadata.uid) throw uidPreconditionFailed(type, name, sentUid, old.metadata.uid);
    const next = prepareForUpdate(type, old, { ...this.stored(type, body), apiVersion: old.apiVersion, kind: old.kind }, subresource);
    return this.committed(type, old, next, updateViolations(resourceKey(type), old, next));
  }

  patch(type: ResourceType, namespace: string | undefined, name: string, request: PatchRequest): KubeObject {
    const { contentType, body, subresource, unknownFields = silentlyDropUnknownFields } = request;
    checkPatchType(type, contentType);
    const old = this.store.get(storageKeyOf(type), namespace, name);
    if (!old && mediaTypeOf(contentType) === APPLY_PATCH && !subresource) return this.create(type, namespace, parseApplyBody(body), unknownFields);
    if (!old) throw notFound(type, name);
    const patched = patchedObject(type, contentType, this.present(type, old), body);
    return this.update(type, namespace, name, patched, subresource, unknownFields);
  }

  /** Writes a changed object (used by subresources and the garbage collector), skipping client-side validation. */
  replace(type: ResourceType, old: KubeObject, next: KubeObject): KubeObject {
    return this.committed(type, old, next, []);
  }

  delete(type: ResourceType, namespace: string | undefined, name: string, options: DeleteOptions): DeleteResult {
    const object = this.get(type, namespace, name);
    const plan = planDeletion(type, object, options, this.now());
    if (plan.action === 'keep') return { removed: false, object };
    if (plan.action === 'mark') return { removed: false, object: this.store.save(storageKeyOf(type), plan.object) };
    return { removed: true, object: this.removed(type, object) };
  }

  deleteCollection(type: ResourceType, selection: Selection, options: DeleteOptions): KubeObject[] {
    const matches = matcherFor(type, selection);
    const objects = this.store.list(storageKeyOf(type), selection.namespace).filter(matches);
    return objects.map((object) => this.delete(type, object.metadata.namespace, object.metadata.name, options).object);
  }

  private requireLiveNamespace(type: ResourceType, namespace: string, name: string): void {
    const found = this.store.get(NAMESPACES, undefined, namespace);
    if (!found) throw notFound({ group: '', plural: 'namespaces', kind: 'Namespace' }, namespace);
    if (found.metadata.deletionTimestamp) throw namespaceTerminating(type, name, namespace);
  }

  private crdChecks(type: ResourceType, object: KubeObject): StatusCause[] {
    return resourceKey(type) === CRDS ? crdViolations(object) : [];
  }

  /** Throws 422 if anything is invalid; custom resources are checked against their schema too. */
  private rejectInvalid(type: ResourceType, object: KubeObject, violations: StatusCause[], old?: KubeObject): void {
    const causes = [...violations, ...(type.schema ? type.schema.violations(object, old) : [])];
    if (causes.length > 0) throw invalid(type, object.metadata.name ?? object.metadata.generateName ?? '', causes);
  }

  private committed(type: ResourceType, old: KubeObject, next: KubeObject, violations: StatusCause[]): KubeObject {
    this.rejectInvalid(type, next, [...violations, ...this.crdChecks(type, next)], old);
    if (isUnchanged(old, next)) return old;
    if (isReadyToRemove(next) && !awaitsNamespaceFinalizers(type, next)) return this.removed(type, next);
    return this.saved(type, next);
  }

  private saved(type: ResourceType, object: KubeObject): KubeObject {
    const saved = this.store.save(storageKeyOf(type), object);
    if (resourceKey(type) === CRDS && this.persists) this.serveCustomResources(saved);
    return saved;
  }

  private removed(type: ResourceType, object: KubeObject): KubeObject {
    if (resourceKey(type) === CRDS && this.persists) this.removeCustomResources(object);
    return this.store.remove(storageKeyOf(type), object);
  }

  private serveCustomResources(crd: KubeObject): void {
    this.registry.remove(crd.spec.group, crd.spec.names.plural);
    for (const type of resourceTypesOf(crd)) this.registry.add(type);
  }

  private removeCustomResources(crd: KubeObject): void {
    const key = resourceKey({ group: crd.spec.group, plural: crd.spec.names.plural });
    for (const object of this.store.list(key)) this.store.remove(key, object);
    this.registry.remove(crd.spec.group, crd.spec.names.plural);
  }
}
