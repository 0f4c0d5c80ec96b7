/**
 * OpenKruiseGame's AlibabaCloud-EIP network plugin, as it behaves (kruise-game
 * cloudprovider/alibabacloud/eip.go, OnPodUpdated): on every update of the pod it reads the PodEIP of
 * the pod's name; once status.eipAddress is non-empty the network is Ready with that external
 * address and status.privateIPAddress as the internal one (re-read and overwritten on each later
 * update); a pod whose network is not Ready 60 s after it was first seen is given up on ("Network
 * wait timeout").
 */
import { CustomObjectsApi, type KubeConfig, type V1Pod, Watch } from '@kubernetes/client-node';
import { PODEIP_GROUP, PODEIP_PLURAL, PODEIP_VERSION, type PodEIP } from '../../src/compat/podeip-resource.js';

export const OKG_NETWORK_WAIT_MS = 60_000;

export interface OkgNetworkStatus {
  podUid: string;
  external: string;
  internal: string;
  /** Since the pod was first seen. */
  afterMs: number;
}

export class OkgEipPlugin {
  /** Every Ready status the plugin computed, in order. */
  readonly statuses: OkgNetworkStatus[] = [];
  private readonly firstSeenMs = new Map<string, number>();
  private readonly custom: CustomObjectsApi;
  private abort: AbortController | undefined;
  private reads = Promise.resolve();

  private constructor(
    kubeConfig: KubeConfig,
    private readonly namespace: string,
    private readonly podName: string,
  ) {
    this.custom = kubeConfig.makeApiClient(CustomObjectsApi);
  }

  /** Plays the plugin for pods named `podName` until stop(). */
  static async start(kubeConfig: KubeConfig, namespace: string, podName: string): Promise<OkgEipPlugin> {
    const plugin = new OkgEipPlugin(kubeConfig, namespace, podName);
    const query = { fieldSelector: `metadata.name=${podName}` };
    plugin.abort = await new Watch(kubeConfig).watch(`/api/v1/namespaces/${namespace}/pods`, query, (type, pod: V1Pod) => plugin.onPodEvent(type, pod), () => undefined);
    return plugin;
  }

  /** The network status of this pod incarnation now: Ready (the last one computed), or undefined while waiting or once given up. */
  networkOf(podUid: string): OkgNetworkStatus | undefined {
    return this.statuses.filter((status) => status.podUid === podUid).at(-1);
  }

  /** Every Ready status computed for this pod incarnation. */
  statusesOf(podUid: string): OkgNetworkStatus[] {
    return this.statuses.filter((status) => status.podUid === podUid);
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.reads;
  }

  private onPodEvent(type: string, pod: V1Pod): void {
    if (type !== 'ADDED' && type !== 'MODIFIED') return;
    const uid = pod.metadata?.uid ?? '';
    if (!this.firstSeenMs.has(uid)) this.firstSeenMs.set(uid, Date.now());
    // One read per update, in the order of the updates, as the plugin's webhook sees them.
    this.reads = this.reads.then(() => this.onPodUpdated(uid));
  }

  private async onPodUpdated(podUid: string): Promise<void> {
    const afterMs = Date.now() - this.firstSeenMs.get(podUid)!;
    const waitedTooLong = afterMs > OKG_NETWORK_WAIT_MS && this.networkOf(podUid) === undefined;
    if (waitedTooLong) return;
    const podEip = await this.readPodEip();
    const external = podEip?.status?.eipAddress;
    if (!external) return;
    this.statuses.push({ podUid, external, internal: podEip.status?.privateIPAddress ?? '', afterMs });
  }

  private async readPodEip(): Promise<PodEIP | undefined> {
    const read = this.custom.getNamespacedCustomObject({ group: PODEIP_GROUP, version: PODEIP_VERSION, plural: PODEIP_PLURAL, namespace: this.namespace, name: this.podName });
    return (await read.catch(() => undefined)) as PodEIP | undefined;
  }
}
