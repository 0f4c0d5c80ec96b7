/** The PodEIP reads and writes podeip makes, and whether the PodEIP CRD is served (installed and not being deleted). */
import { ApiextensionsV1Api, CustomObjectsApi, type KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { httpStatusOf, type ObjectList } from '../k8s/kube-api.js';
import { PODEIP_CRD_NAME, PODEIP_GROUP, PODEIP_PLURAL, PODEIP_VERSION, type PodEIP } from './podeip-resource.js';

const MERGE = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const RESOURCE = { group: PODEIP_GROUP, version: PODEIP_VERSION, plural: PODEIP_PLURAL };

export class PodEIPClient {
  private readonly custom: CustomObjectsApi;
  private readonly crds: ApiextensionsV1Api;

  constructor(kubeConfig: KubeConfig, private readonly namespace?: string) {
    this.custom = kubeConfig.makeApiClient(CustomObjectsApi);
    this.crds = kubeConfig.makeApiClient(ApiextensionsV1Api);
  }

  get watchPath(): string {
    const base = `/apis/${PODEIP_GROUP}/${PODEIP_VERSION}`;
    return this.namespace ? `${base}/namespaces/${this.namespace}/${PODEIP_PLURAL}` : `${base}/${PODEIP_PLURAL}`;
  }

  async crdServed(): Promise<boolean> {
    try {
      const crd = await this.crds.readCustomResourceDefinition({ name: PODEIP_CRD_NAME });
      return !crd.metadata?.deletionTimestamp && (crd.spec.versions ?? []).some((version) => version.name === PODEIP_VERSION && version.served);
    } catch (error) {
      if (httpStatusOf(error) === 404) return false;
      throw error;
    }
  }

  async list(): Promise<ObjectList> {
    const list = (this.namespace
      ? await this.custom.listNamespacedCustomObject({ ...RESOURCE, namespace: this.namespace })
      : await this.custom.listClusterCustomObject(RESOURCE)) as { items: unknown[]; metadata?: { resourceVersion?: string } };
    return { items: list.items, resourceVersion: list.metadata?.resourceVersion ?? '' };
  }

  async create(podEip: PodEIP): Promise<PodEIP> {
    return (await this.custom.createNamespacedCustomObject({ ...RESOURCE, namespace: podEip.metadata.namespace, body: podEip })) as PodEIP;
  }

  /** Merge patch of the status subresource; a `null` field is removed. */
  async patchStatus(namespace: string, name: string, status: Record<string, unknown>): Promise<PodEIP> {
    return (await this.custom.patchNamespacedCustomObjectStatus({ ...RESOURCE, namespace, name, body: { status } }, MERGE)) as PodEIP;
  }

  /** Merge patch of the main resource (spec, metadata). */
  async patch(namespace: string, name: string, patch: object): Promise<PodEIP> {
    return (await this.custom.patchNamespacedCustomObject({ ...RESOURCE, namespace, name, body: patch }, MERGE)) as PodEIP;
  }

  /** Deletes that very object (uid precondition); one already gone is fine. */
  async delete(namespace: string, name: string, uid: string): Promise<void> {
    try {
      await this.custom.deleteNamespacedCustomObject({ ...RESOURCE, namespace, name, body: { preconditions: { uid } } });
    } catch (error) {
      if (httpStatusOf(error) !== 404) throw error;
    }
  }
}
