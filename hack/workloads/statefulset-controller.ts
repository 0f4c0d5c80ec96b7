/**
 * The simulated StatefulSet controller with Parallel pod management: pods `<name>-<ordinal>` from
 * the template, a deleted pod re-created under the same name once the old one is gone, scale-down
 * from the highest ordinal, and a rolling update that replaces one outdated pod at a time.
 */
import type { AppsV1Api, CoreV1Api, V1Pod, V1StatefulSet, V1StatefulSetStatus } from '@kubernetes/client-node';
import { enqueueOnChange } from './enqueue.js';
import type { ClusterInformers } from './informers.js';
import { QueuedController, writeStatusIfChanged } from './reconcile-queue.js';
import { templateHash } from './names.js';
import { podFromTemplate } from './pod-template.js';
import { hasExited, isActive, isReady, isTerminating } from './pod-state.js';
import { controllerKey, controllerReference, ignoringAlreadyDone, isControlledBy, objectKey, splitKey } from './wire.js';

const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
const REVISION_LABEL = 'controller-revision-hash';

export class StatefulSetController extends QueuedController {

  constructor(
    private readonly informers: ClusterInformers,
    private readonly core: CoreV1Api,
    private readonly apps: AppsV1Api,
  ) {
    super();
    enqueueOnChange(informers.statefulSets, this.queue, objectKey);
    enqueueOnChange(informers.pods, this.queue, (pod) => controllerKey(pod, 'StatefulSet'));
  }

  protected async sync(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const set = this.informers.statefulSets.get(name, namespace);
    if (!set || set.metadata?.deletionTimestamp) return;
    const revision = `${name}-${templateHash(set.spec?.template)}`;
    const owned = this.informers.pods.list(namespace).filter((pod) => isControlledBy(pod, set));
    const replicas = set.spec?.replicas ?? 1;
    await Promise.all([
      ...this.missingOrdinals(set, replicas).map((ordinal) => this.createPod(set, ordinal, revision)),
      ...this.podsToDelete(owned, replicas, revision).map((pod) => this.deletePod(pod)),
    ]);
    await this.writeStatus(set, statefulSetStatus(set, owned, revision));
  }

  private missingOrdinals(set: V1StatefulSet, replicas: number): number[] {
    const namespace = set.metadata!.namespace;
    return range(replicas).filter((ordinal) => !this.informers.pods.get(podName(set, ordinal), namespace));
  }

  /** Surplus pods highest ordinal first, exited pods (to be re-created), then one outdated pod. */
  private podsToDelete(owned: V1Pod[], replicas: number, revision: string): V1Pod[] {
    const live = owned.filter((pod) => !isTerminating(pod)).sort((a, b) => ordinalOf(b) - ordinalOf(a));
    const surplus = live.filter((pod) => ordinalOf(pod) >= replicas);
    const exited = live.filter((pod) => ordinalOf(pod) < replicas && hasExited(pod));
    return [...surplus, ...exited, ...this.nextOutdated(owned, replicas, revision)];
  }

  /** Rolling update: only when every wanted pod exists and is Ready, replace the highest outdated one. */
  private nextOutdated(owned: V1Pod[], replicas: number, revision: string): V1Pod[] {
    const wanted = owned.filter((pod) => ordinalOf(pod) < replicas);
    const settled = wanted.length === replicas && wanted.every((pod) => isActive(pod) && isReady(pod));
    if (!settled) return [];
    const outdated = wanted.filter((pod) => pod.metadata?.labels?.[REVISION_LABEL] !== revision);
    return outdated.sort((a, b) => ordinalOf(b) - ordinalOf(a)).slice(0, 1);
  }

  private async createPod(set: V1StatefulSet, ordinal: number, revision: string): Promise<void> {
    const name = podName(set, ordinal);
    const namespace = set.metadata!.namespace!;
    const pod = podFromTemplate(set.spec?.template, {
      name,
      namespace,
      owner: controllerReference(set, 'StatefulSet'),
      extraLabels: { [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [REVISION_LABEL]: revision },
    });
    pod.spec!.hostname = name;
    if (set.spec?.serviceName) pod.spec!.subdomain = set.spec.serviceName;
    // 409: the previous pod of that name is still there; its deletion event brings us back.
    await ignoringAlreadyDone(() => this.core.createNamespacedPod({ namespace, body: pod }), 409);
  }

  private async deletePod(pod: V1Pod): Promise<void> {
    const { namespace, name } = splitKey(objectKey(pod));
    await ignoringAlreadyDone(() => this.core.deleteNamespacedPod({ name, namespace, body: { preconditions: { uid: pod.metadata!.uid! } } }), 404, 409);
  }

  private writeStatus(set: V1StatefulSet, status: V1StatefulSetStatus): Promise<void> {
    return writeStatusIfChanged(set, status, (request) => this.apps.replaceNamespacedStatefulSetStatus(request));
  }
}

function statefulSetStatus(set: V1StatefulSet, owned: V1Pod[], updateRevision: string): V1StatefulSetStatus {
  const counted = owned.filter((pod) => !isTerminating(pod));
  const ready = counted.filter(isReady).length;
  const atRevision = (revision: string) => counted.filter((pod) => pod.metadata?.labels?.[REVISION_LABEL] === revision).length;
  const updatedReplicas = atRevision(updateRevision);
  const rolledOut = updatedReplicas === counted.length;
  const currentRevision = rolledOut ? updateRevision : set.status?.currentRevision ?? updateRevision;
  return {
    observedGeneration: set.metadata?.generation,
    replicas: counted.length,
    readyReplicas: ready,
    availableReplicas: ready,
    currentReplicas: atRevision(currentRevision),
    updatedReplicas,
    currentRevision,
    updateRevision,
    collisionCount: 0,
  };
}

function podName(set: V1StatefulSet, ordinal: number): string {
  return `${set.metadata!.name}-${ordinal}`;
}

/** The ordinal at the end of the pod's name; a controlled pod without one is surplus. */
function ordinalOf(pod: V1Pod): number {
  const match = /-(\d+)$/.exec(pod.metadata?.name ?? '');
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}

function range(count: number): number[] {
  return Array.from({ length: Math.max(0, count) }, (_, index) => index);
}
