/**
 * The writes and lists podeip makes, each with the content type its shape needs (client-node 1.x
 * defaults to json-patch for every PATCH): merge patch for annotations, finalizers, claim spec and
 * claim status; strategic merge for pod conditions, so the kubelet's conditions stay untouched.
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

const MERGE = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const STRATEGIC = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);

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

  constructor(kubeConfig: KubeConfig, private readonly namespace?: string) {
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

  async listPods(): Promise<{ items: unknown[]; resourceVersion: string }> {
    const list = this.namespace
      ? await this.core.listNamespacedPod({ namespace: this.namespace })
      : await this.core.listPodForAllNamespaces();
    return { items: list.items, resourceVersion: list.metadata?.resourceVersion ?? '' };
  }

  async listClaims(): Promise<{ items: unknown[]; resourceVersion: string }> {
    const list = (this.namespace
      ? await this.custom.listNamespacedCustomObject({ group: GROUP, version: VERSION, namespace: this.namespace, plural: PLURAL })
      : await this.custom.listClusterCustomObject({ group: GROUP, version: VERSION, plural: PLURAL })) as {
      items: unknown[];
      metadata?: { resourceVersion?: string };
    };
    return { items: list.items, resourceVersion: list.metadata?.resourceVersion ?? '' };
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
