/**
 * The simulation's informer cache: one client-node informer per resource, shared by every
 * controller, restarted after a failed list or watch (client-node's informer gives up on any error
 * other than 410), and closed by stop().
 */
import {
  AppsV1Api,
  CoreV1Api,
  ListWatch,
  Watch,
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
  type V1Deployment,
  type V1Node,
  type V1Pod,
  type V1ReplicaSet,
  type V1StatefulSet,
} from '@kubernetes/client-node';

const RESTART_DELAY_MS = 500;

export class ClusterInformers {
  readonly pods: ListWatch<V1Pod>;
  readonly nodes: ListWatch<V1Node>;
  readonly statefulSets: ListWatch<V1StatefulSet>;
  readonly deployments: ListWatch<V1Deployment>;
  readonly replicaSets: ListWatch<V1ReplicaSet>;
  private readonly restarts = new Set<NodeJS.Timeout>();
  private readonly starting = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly kubeConfig: KubeConfig) {
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const apps = kubeConfig.makeApiClient(AppsV1Api);
    this.pods = this.informer('/api/v1/pods', () => core.listPodForAllNamespaces());
    this.nodes = this.informer('/api/v1/nodes', () => core.listNode());
    this.statefulSets = this.informer('/apis/apps/v1/statefulsets', () => apps.listStatefulSetForAllNamespaces());
    this.deployments = this.informer('/apis/apps/v1/deployments', () => apps.listDeploymentForAllNamespaces());
    this.replicaSets = this.informer('/apis/apps/v1/replicasets', () => apps.listReplicaSetForAllNamespaces());
  }

  /** Resolves once every informer has listed; rejects if one could not. */
  async start(): Promise<void> {
    await Promise.all(this.all().map((informer) => this.startOne(informer)));
    const unsynced = this.all().filter((informer) => informer.latestResourceVersion() === '');
    if (unsynced.length > 0) throw new Error(`${unsynced.length} workload simulation informer(s) could not list`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.restarts) clearTimeout(timer);
    this.restarts.clear();
    await Promise.all(this.all().map((informer) => informer.stop()));
    // ListWatch opens its watch after the list even if stop() came meanwhile: close those too.
    await Promise.all([...this.starting]);
    await Promise.all(this.all().map((informer) => informer.stop()));
  }

  private startOne(informer: ListWatch<KubernetesObject>): Promise<void> {
    const started = informer.start().finally(() => this.starting.delete(started));
    this.starting.add(started);
    return started;
  }

  private all(): ListWatch<KubernetesObject>[] {
    return [this.pods, this.nodes, this.statefulSets, this.deployments, this.replicaSets] as ListWatch<KubernetesObject>[];
  }

  private informer<T extends KubernetesObject>(path: string, list: () => Promise<KubernetesListObject<T>>): ListWatch<T> {
    const informer = new ListWatch<T>(path, new Watch(this.kubeConfig), list, false);
    // stop() itself raises an AbortError here, hence the stopped check.
    informer.on('error', () => {
      if (this.stopped) return;
      const timer = setTimeout(() => {
        this.restarts.delete(timer);
        void this.startOne(informer as ListWatch<KubernetesObject>);
      }, RESTART_DELAY_MS);
      this.restarts.add(timer);
    });
    return informer;
  }
}
