/**
 * kube-controller-manager's namespace controller, in process. A deleted namespace is Terminating
 * (deletionTimestamp, status.phase); the controller deletes everything in it as any client would, so
 * pods get their grace periods and objects wait for their finalizers; once nothing is left it takes
 * `kubernetes` out of spec.finalizers and the namespace goes (after its own metadata finalizers).
 */
import type { ObjectService } from './object-service.js';
import type { StoredEvent } from './object-store.js';
import { storageKeyOf, type KubeObject, type ResourceType } from './resource-type.js';
import { StoreFollower } from './store-follower.js';

const NAMESPACES = '/namespaces';
const KUBERNETES_FINALIZER = 'kubernetes';

export class NamespaceController extends StoreFollower {
  private readonly pending = new Set<string>();

  constructor(private readonly service: ObjectService) {
    super(service.store);
  }

  /** A terminating namespace, or a change to anything inside one, sends the controller back to it. */
  protected observe(event: StoredEvent): void {
    const namespace = event.resource === NAMESPACES ? event.object.metadata.name : event.object.metadata.namespace;
    if (namespace && this.terminating(namespace)) this.schedule(namespace);
  }

  private terminating(name: string): KubeObject | undefined {
    const namespace = this.service.store.get(NAMESPACES, undefined, name);
    return namespace?.metadata.deletionTimestamp ? namespace : undefined;
  }

  /** One sweep per namespace however many of its events arrive before it runs. */
  private schedule(namespace: string): void {
    if (this.pending.has(namespace)) return;
    this.pending.add(namespace);
    this.afterWrite(() => {
      this.pending.delete(namespace);
      this.sweep(namespace);
    });
  }

  private sweep(namespace: string): void {
    let remaining = 0;
    for (const type of this.namespacedTypes()) {
      for (const object of this.service.store.list(storageKeyOf(type), namespace)) {
        remaining++;
        if (!object.metadata.deletionTimestamp) this.service.delete(type, namespace, object.metadata.name, {});
      }
    }
    if (remaining === 0) this.finalize(namespace);
  }

  /** One served version per stored resource (custom resources may serve several). */
  private namespacedTypes(): ResourceType[] {
    const byStorage = new Map<string, ResourceType>();
    for (const type of this.service.registry.allResources()) if (type.namespaced && !byStorage.has(storageKeyOf(type))) byStorage.set(storageKeyOf(type), type);
    return [...byStorage.values()];
  }

  private finalize(name: string): void {
    const namespace = this.terminating(name);
    const type = this.service.registry.find('', 'v1', 'namespaces');
    if (!namespace || !type) return;
    const finalizers = (namespace.spec?.finalizers ?? []).filter((finalizer: string) => finalizer !== KUBERNETES_FINALIZER);
    this.service.replace(type, namespace, { ...namespace, spec: { ...namespace.spec, finalizers } });
  }
}
