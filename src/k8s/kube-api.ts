/**
 * The writes and lists podeip makes, each with the content type its shape needs (client-node 1.x
 * defaults to json-patch for every PATCH): merge patch for annotations, finalizers, claim and pool
 * spec and status; strategic merge for pod conditions, so the kubelet's conditions stay untouched.
 * Pools and namespaces are cluster-scoped: read across the cluster even when podeip watches one namespace.
 */
import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  PatchStrategy,
  type CoreV1Event,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { type EIPClaim, type EIPClaimStatus, GROUP, PLURAL, VERSION } from './eipclaim.js';
import { type EIPPool, type EIPPoolStatus, POOL_PLURAL } from './eippool.js';
import { listInPages, type PageSink } from './paged-list.js';

const MERGE = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const STRATEGIC = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);

export interface ObjectList {
  items: unknown[];
  resourceVersion: string;
}

function objectList(list: { items: unknown[]; metadata?: { resourceVersion?: string } }): ObjectList {
  return { items: list.items, resourceVersion: list.metadata?.resourceVersion ?? '' };
}

export interface PodConditionPatch {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
  lastTransitionTime: string;
}

export class KubeApi {
  private readonly core: CoreV1Api;
  private readonly custom: CustomObjectsApi;

  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly namespace?: string,
  ) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.custom = kubeConfig.makeApiClient(CustomObjectsApi);
  }

  get podWatchPath(): string {
    return this.namespace ? `/api/v1/namespaces/${this.namespace}/pods` : '/api/v1/pods';
  }

  get claimWatchPath(): string {
    const base = `/apis/${GROUP}/${VERSION}`;
    return this.namespace ? `${base}/namespaces/${this.namespace}/${PLURAL}` : `${base}/${PLURAL}`;
  }

  readonly poolWatchPath = `/apis/${GROUP}/${VERSION}/${POOL_PLURAL}`;

  readonly namespaceWatchPath = '/api/v1/namespaces';

  /** The collection at a watch path, page by page as plain JSON (what the informers list); resolves with its resourceVersion. */
  listPages(path: string, sink: PageSink): Promise<string> {
    return listInPages(this.kubeConfig, path, sink);
  }

  async listClaims(): Promise<ObjectList> {
    return objectList(
      (this.namespace
        ? await this.custom.listNamespacedCustomObject({ group: GROUP, version: VERSION, namespace: this.namespace, plural: PLURAL })
        : await this.custom.listClusterCustomObject({ group: GROUP, version: VERSION, plural: PLURAL })) as ObjectList,
    );
  }

  async listPools(): Promise<ObjectList> {
    return objectList((await this.custom.listClusterCustomObject({ group: GROUP, version: VERSION, plural: POOL_PLURAL })) as ObjectList);
  }

  async listNamespaces(): Promise<ObjectList> {
    return objectList(await this.core.listNamespace());
  }

  async createClaim(claim: Omit<EIPClaim, 'metadata'> & { metadata: Partial<EIPClaim['metadata']> }): Promise<EIPClaim> {
    const namespace = claim.metadata.namespace!;
    return (await this.custom.createNamespacedCustomObject({ group: GROUP, version: VERSION, namespace, plural: PLURAL, body: claim })) as EIPClaim;
  }

  async patchClaim(namespace: string, name: string, patch: object): Promise<EIPClaim> {
    return (await this.custom.patchNamespacedCustomObject({ group: GROUP, version: VERSION, namespace, plural: PLURAL, name, body: patch }, MERGE)) as EIPClaim;
  }

  async patchClaimStatus(namespace: string, name: string, status: EIPClaimStatus | Record<string, unknown>): Promise<EIPClaim> {
    const body = { status };
    return (await this.custom.patchNamespacedCustomObjectStatus({ group: GROUP, version: VERSION, namespace, plural: PLURAL, name, body }, MERGE)) as EIPClaim;
  }

  async deleteClaim(namespace: string, name: string, uid: string): Promise<void> {
    await this.custom.deleteNamespacedCustomObject({ group: GROUP, version: VERSION, namespace, plural: PLURAL, name, body: { preconditions: { uid } } });
  }

  /** Merge patch (RFC 7386) of the pool, e.g. `{metadata: {finalizers: [...]}}`; status is ignored here. */
  async patchPool(name: string, patch: object): Promise<EIPPool> {
    return (await this.custom.patchClusterCustomObject({ group: GROUP, version: VERSION, plural: POOL_PLURAL, name, body: patch }, MERGE)) as EIPPool;
  }

  async patchPoolStatus(name: string, status: EIPPoolStatus | Record<string, unknown>): Promise<EIPPool> {
    const body = { status };
    return (await this.custom.patchClusterCustomObjectStatus({ group: GROUP, version: VERSION, plural: POOL_PLURAL, name, body }, MERGE)) as EIPPool;
  }

  /** A `null` value removes that annotation. */
  /** Outputs go to the pod incarnation they were computed for: the uid is a precondition (a re-created pod of the name is refused with 409). */
  async patchPodAnnotations(namespace: string, name: string, uid: string, annotations: Record<string, string | null>): Promise<unknown> {
    return this.core.patchNamespacedPod({ namespace, name, body: { metadata: { uid, annotations } } }, MERGE);
  }

  async patchPodConditions(namespace: string, name: string, uid: string, conditions: PodConditionPatch[]): Promise<unknown> {
    return this.core.patchNamespacedPodStatus({ namespace, name, body: { metadata: { uid }, status: { conditions } } }, STRATEGIC);
  }

  async createEvent(namespace: string, event: CoreV1Event): Promise<CoreV1Event> {
    return this.core.createNamespacedEvent({ namespace, body: event });
  }

  async patchEvent(namespace: string, name: string, patch: object): Promise<CoreV1Event> {
    return this.core.patchNamespacedEvent({ namespace, name, body: patch }, MERGE);
  }
}

/** HTTP status of a client-node ApiException, if it is one. */
export function httpStatusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}
