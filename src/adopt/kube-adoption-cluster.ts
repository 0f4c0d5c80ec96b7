/** The API server side of adoption: pods, EIPClaims and ack-extend's PodEIPs, in one namespace or all. */
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { PodEIPClient } from '../compat/podeip-client.js';
import { ADOPTED_FROM_ANNOTATION } from './adopted-claim.js';
import { EIP_CONTROLLER_ANNOTATION, PODEIP_CONTROLLER, type PodEIP } from '../compat/podeip-resource.js';
import { type EIPClaim, GROUP, KIND, VERSION } from '../k8s/eipclaim.js';
import { httpStatusOf, KubeApi } from '../k8s/kube-api.js';
import type { EIPPool } from '../k8s/eippool.js';
import { trimPod, type PodView } from '../k8s/pod-view.js';
import type { AdoptionCluster } from './adopt.js';
import type { NewClaim } from './adopted-claim.js';

export class KubeAdoptionCluster implements AdoptionCluster {
  private readonly core: CoreV1Api;
  private readonly api: KubeApi;
  private readonly podEipClient: PodEIPClient;

  constructor(kubeConfig: KubeConfig, private readonly namespace?: string) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.api = new KubeApi(kubeConfig, namespace);
    this.podEipClient = new PodEIPClient(kubeConfig, namespace);
  }

  async pods(): Promise<PodView[]> {
    const list = this.namespace ? await this.core.listNamespacedPod({ namespace: this.namespace }) : await this.core.listPodForAllNamespaces();
    return list.items.map((pod) => trimPod(pod, []));
  }

  async claims(): Promise<EIPClaim[]> {
    return (await this.api.listClaims()).items as EIPClaim[];
  }

  async pools(): Promise<EIPPool[]> {
    return (await this.api.listPools()).items as EIPPool[];
  }

  /** Without the PodEIP CRD there is nothing of ack-extend's to adopt. */
  async podEips(): Promise<PodEIP[]> {
    try {
      return (await this.podEipClient.list()).items as PodEIP[];
    } catch (error) {
      if (httpStatusOf(error) === 404) return [];
      throw error;
    }
  }

  createClaim(claim: NewClaim): Promise<EIPClaim> {
    return this.api.createClaim(claim);
  }

  async handOverPodEip(claim: EIPClaim): Promise<void> {
    const { namespace, name, uid } = claim.metadata;
    const annotations = { [EIP_CONTROLLER_ANNOTATION]: PODEIP_CONTROLLER, [ADOPTED_FROM_ANNOTATION]: 'ack-extend' };
    const ownerReferences = [{ apiVersion: `${GROUP}/${VERSION}`, kind: KIND, name, uid }];
    await this.podEipClient.patch(namespace, name, { metadata: { annotations, ownerReferences } });
  }

  patchClaimStatus(claim: EIPClaim, status: object): Promise<EIPClaim> {
    return this.api.patchClaimStatus(claim.metadata.namespace, claim.metadata.name, status as Record<string, unknown>);
  }
}
