/**
 * The simulated kube-scheduler: binds each pod without spec.nodeName to a node through the
 * pods/binding subresource, as kube-scheduler does.
 */
import type { CoreV1Api, V1Pod } from '@kubernetes/client-node';
import { enqueueOnChange } from './enqueue.js';
import type { ClusterInformers } from './informers.js';
import { QueuedController, type ReconcileResult } from './reconcile-queue.js';
import { chooseNode } from './node-choice.js';
import { hasExited, isTerminating } from './pod-state.js';
import { httpStatusOf, objectKey, splitKey } from './wire.js';

const RETRY_UNSCHEDULABLE_MS = 1000;

export class Scheduler extends QueuedController {
  /** Pods bound by us that the cache does not show bound yet, by uid: counted on their node meanwhile. */
  private readonly assumed = new Map<string, string>();

  constructor(
    private readonly informers: ClusterInformers,
    private readonly core: CoreV1Api,
  ) {
    super();
    informers.pods.on('update', (pod) => {
      if (pod.spec?.nodeName) this.assumed.delete(pod.metadata!.uid!);
    });
    informers.pods.on('delete', (pod) => this.assumed.delete(pod.metadata!.uid!));
    enqueueOnChange(informers.pods, this.queue, (pod) => (needsNode(pod) ? objectKey(pod) : undefined));
    informers.nodes.on('change', () => this.enqueueUnscheduled());
  }

  protected async sync(key: string): Promise<ReconcileResult> {
    const { namespace, name } = splitKey(key);
    const pod = this.informers.pods.get(name, namespace);
    if (!pod || !needsNode(pod) || this.assumed.has(pod.metadata!.uid!)) return;
    const nodeName = chooseNode(pod, this.informers.nodes.list(), this.podCountsByNode());
    if (!nodeName) return { requeueAfterMs: RETRY_UNSCHEDULABLE_MS };
    this.assumed.set(pod.metadata!.uid!, nodeName);
    try {
      await this.core.createNamespacedPodBinding({
        name,
        namespace,
        body: { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace, uid: pod.metadata!.uid }, target: { kind: 'Node', name: nodeName } },
      });
    } catch (error) {
      this.assumed.delete(pod.metadata!.uid!);
      // 404: the pod is gone; 409: someone bound it first.
      if (httpStatusOf(error) === 404 || httpStatusOf(error) === 409) return;
      throw error;
    }
  }

  private podCountsByNode(): Map<string, number> {
    const counts = new Map<string, number>();
    const count = (nodeName: string) => counts.set(nodeName, (counts.get(nodeName) ?? 0) + 1);
    for (const pod of this.informers.pods.list()) {
      if (pod.spec?.nodeName && !hasExited(pod)) count(pod.spec.nodeName);
    }
    for (const nodeName of this.assumed.values()) count(nodeName);
    return counts;
  }

  private enqueueUnscheduled(): void {
    for (const pod of this.informers.pods.list()) if (needsNode(pod)) this.queue.add(objectKey(pod));
  }
}

function needsNode(pod: V1Pod): boolean {
  return !pod.spec?.nodeName && !isTerminating(pod) && !hasExited(pod);
}
