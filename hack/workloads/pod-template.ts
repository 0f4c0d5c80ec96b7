/** A pod stamped out of a workload's pod template, controlled by that workload. */
import type { V1OwnerReference, V1Pod, V1PodTemplateSpec } from '@kubernetes/client-node';

export interface PodIdentity {
  name: string;
  namespace: string;
  owner: V1OwnerReference;
  extraLabels: Record<string, string>;
}

export function podFromTemplate(template: V1PodTemplateSpec | undefined, identity: PodIdentity): V1Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: identity.name,
      namespace: identity.namespace,
      labels: { ...template?.metadata?.labels, ...identity.extraLabels },
      annotations: template?.metadata?.annotations,
      ownerReferences: [identity.owner],
    },
    spec: structuredClone(template?.spec ?? { containers: [] }),
  };
}
