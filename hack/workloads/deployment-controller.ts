/**
 * The simulated Deployment controller: the ReplicaSet `<deployment>-<template hash>` carries all
 * replicas, older ReplicaSets are scaled to zero at once (no surge/unavailability budget), and the
 * Deployment's status sums its ReplicaSets'.
 */
import type { AppsV1Api, V1Deployment, V1DeploymentStatus, V1ReplicaSet } from '@kubernetes/client-node';
import { enqueueOnChange } from './enqueue.js';
import type { ClusterInformers } from './informers.js';
import { templateHash } from './names.js';
import { QueuedController, writeStatusIfChanged } from './reconcile-queue.js';
import { controllerKey, controllerReference, ignoringAlreadyDone, isControlledBy, objectKey, splitKey } from './wire.js';

const TEMPLATE_HASH_LABEL = 'pod-template-hash';
const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

export class DeploymentController extends QueuedController {

  constructor(
    private readonly informers: ClusterInformers,
    private readonly apps: AppsV1Api,
  ) {
    super();
    enqueueOnChange(informers.deployments, this.queue, objectKey);
    enqueueOnChange(informers.replicaSets, this.queue, (replicaSet) => controllerKey(replicaSet, 'Deployment'));
  }

  protected async sync(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const deployment = this.informers.deployments.get(name, namespace);
    if (!deployment || deployment.metadata?.deletionTimestamp) return;
    const hash = templateHash(deployment.spec?.template);
    const owned = this.informers.replicaSets.list(namespace).filter((replicaSet) => isControlledBy(replicaSet, deployment));
    const current = owned.find((replicaSet) => replicaSet.metadata?.name === `${name}-${hash}`);
    const replicas = deployment.spec?.replicas ?? 1;
    if (!current) await this.createReplicaSet(deployment, hash, owned.length + 1);
    await Promise.all(
      owned.map((replicaSet) => this.scale(replicaSet, replicaSet === current ? replicas : 0)),
    );
    await this.writeStatus(deployment, deploymentStatus(deployment, owned, current));
  }

  private async createReplicaSet(deployment: V1Deployment, hash: string, revision: number): Promise<void> {
    const namespace = deployment.metadata!.namespace!;
    const template = structuredClone(deployment.spec?.template ?? {});
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [TEMPLATE_HASH_LABEL]: hash } };
    const selector = deployment.spec?.selector ?? {};
    const body: V1ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${deployment.metadata!.name}-${hash}`,
        namespace,
        labels: template.metadata.labels,
        annotations: { [REVISION_ANNOTATION]: String(revision) },
        ownerReferences: [controllerReference(deployment, 'Deployment')],
      },
      spec: {
        replicas: deployment.spec?.replicas ?? 1,
        selector: { ...selector, matchLabels: { ...selector.matchLabels, [TEMPLATE_HASH_LABEL]: hash } },
        template,
      },
    };
    // 409: created by an earlier pass the cache has not shown yet.
    await ignoringAlreadyDone(() => this.apps.createNamespacedReplicaSet({ namespace, body }), 409);
  }

  private async scale(replicaSet: V1ReplicaSet, replicas: number): Promise<void> {
    if (replicaSet.spec?.replicas === replicas) return;
    const { namespace, name } = splitKey(objectKey(replicaSet));
    await this.apps.replaceNamespacedReplicaSet({ name, namespace, body: { ...replicaSet, spec: { ...replicaSet.spec!, replicas } } });
  }

  private writeStatus(deployment: V1Deployment, status: V1DeploymentStatus): Promise<void> {
    return writeStatusIfChanged(deployment, status, (request) => this.apps.replaceNamespacedDeploymentStatus(request));
  }
}

function deploymentStatus(deployment: V1Deployment, owned: V1ReplicaSet[], current: V1ReplicaSet | undefined): V1DeploymentStatus {
  const sum = (field: 'replicas' | 'readyReplicas' | 'availableReplicas') =>
    owned.reduce((total, replicaSet) => total + (replicaSet.status?.[field] ?? 0), 0);
  const available = sum('availableReplicas');
  const unavailable = Math.max(0, (deployment.spec?.replicas ?? 1) - available);
  return {
    observedGeneration: deployment.metadata?.generation,
    replicas: sum('replicas'),
    updatedReplicas: current?.status?.replicas ?? 0,
    readyReplicas: sum('readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: unavailable > 0 ? unavailable : undefined,
  };
}
