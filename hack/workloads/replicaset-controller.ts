/**
 * The simulated ReplicaSet controller: keeps `spec.replicas` active pods named `<rs>-<5 random>`,
 * re-creates missing ones, deletes surplus ones (least progressed first) and reports status.
 */
import type { AppsV1Api, CoreV1Api, V1Pod, V1ReplicaSet, V1ReplicaSetStatus } from '@kubernetes/client-node';
import { enqueueOnChange } from './enqueue.js';
import type { ClusterInformers } from './informers.js';
import { randomSuffixName } from './names.js';
import { podFromTemplate } from './pod-template.js';
import { isActive, isReady } from './pod-state.js';
import { QueuedController, writeStatusIfChanged } from './reconcile-queue.js';
import { controllerKey, controllerReference, ignoringAlreadyDone, isControlledBy, objectKey, splitKey } from './wire.js';

export class ReplicaSetController extends QueuedController {
  /**
   * Pods created but not yet seen by the informer, per ReplicaSet key. Without them a reconcile
   * running before the watch catches up would create the same replicas again.
   */
  private readonly unobservedCreations = new Map<string, Set<string>>();

  constructor(
    private readonly informers: ClusterInformers,
    private readonly core: CoreV1Api,
    private readonly apps: AppsV1Api,
  ) {
    super();
    informers.pods.on('add', (pod) => this.observeCreation(pod));
    enqueueOnChange(informers.replicaSets, this.queue, objectKey);
    enqueueOnChange(informers.pods, this.queue, (pod) => controllerKey(pod, 'ReplicaSet'));
  }

  protected async sync(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const replicaSet = this.informers.replicaSets.get(name, namespace);
    if (!replicaSet || replicaSet.metadata?.deletionTimestamp) return;
    const active = this.informers.pods.list(namespace).filter((pod) => isControlledBy(pod, replicaSet) && isActive(pod));
    const shortfall = (replicaSet.spec?.replicas ?? 1) - active.length - (this.unobservedCreations.get(key)?.size ?? 0);
    if (shortfall > 0) await Promise.all(Array.from({ length: shortfall }, () => this.createPod(key, replicaSet)));
    if (shortfall < 0) await Promise.all(deletionOrder(active).slice(0, -shortfall).map((pod) => this.deletePod(pod)));
    await this.writeStatus(replicaSet, replicaSetStatus(replicaSet, active));
  }

  private async createPod(key: string, replicaSet: V1ReplicaSet): Promise<void> {
    const { namespace, name } = splitKey(key);
    const pod = podFromTemplate(replicaSet.spec?.template, {
      name: randomSuffixName(name),
      namespace,
      owner: controllerReference(replicaSet, 'ReplicaSet'),
      extraLabels: {},
    });
    // The real controller sends only generateName; naming here lets the unobserved-creations set
    // hold the name before the create returns. The field is kept so the pod looks the same.
    pod.metadata!.generateName = `${name}-`;
    const pending = this.unobservedCreations.get(key) ?? new Set<string>();
    this.unobservedCreations.set(key, pending.add(pod.metadata!.name!));
    try {
      await this.core.createNamespacedPod({ namespace, body: pod });
    } catch (error) {
      pending.delete(pod.metadata!.name!);
      throw error;
    }
  }

  private observeCreation(pod: V1Pod): void {
    const key = controllerKey(pod, 'ReplicaSet');
    if (key) this.unobservedCreations.get(key)?.delete(pod.metadata!.name!);
  }

  private async deletePod(pod: V1Pod): Promise<void> {
    const { namespace, name } = splitKey(objectKey(pod));
    await ignoringAlreadyDone(() => this.core.deleteNamespacedPod({ name, namespace, body: { preconditions: { uid: pod.metadata!.uid! } } }), 404, 409);
  }

  private writeStatus(replicaSet: V1ReplicaSet, status: V1ReplicaSetStatus): Promise<void> {
    return writeStatusIfChanged(replicaSet, status, (request) => this.apps.replaceNamespacedReplicaSetStatus(request));
  }
}

/** Like the real controller: unscheduled, then not running, then not ready pods go first, newest first. */
function deletionOrder(pods: V1Pod[]): V1Pod[] {
  const progress = (pod: V1Pod) => (!pod.spec?.nodeName ? 0 : pod.status?.phase !== 'Running' ? 1 : isReady(pod) ? 3 : 2);
  const created = (pod: V1Pod) => new Date(pod.metadata?.creationTimestamp ?? 0).getTime();
  return [...pods].sort((a, b) => progress(a) - progress(b) || created(b) - created(a) || objectKey(a).localeCompare(objectKey(b)));
}

function replicaSetStatus(replicaSet: V1ReplicaSet, active: V1Pod[]): V1ReplicaSetStatus {
  const ready = active.filter(isReady).length;
  return {
    observedGeneration: replicaSet.metadata?.generation,
    replicas: active.length,
    fullyLabeledReplicas: active.length,
    readyReplicas: ready,
    availableReplicas: ready,
  };
}
