/** The slice of a Pod that podeip reads; the informer keeps only this, not whole pods. */
import type { V1Pod } from '@kubernetes/client-node';
import type { OwnerReference } from './eipclaim.js';

export interface PodView {
  namespace: string;
  name: string;
  uid: string;
  resourceVersion: string;
  annotations: Record<string, string>;
  /** For EIPPool podSelectors. */
  labels: Record<string, string>;
  ownerReferences: OwnerReference[];
  deleting: boolean;
  phase: string;
  podIP?: string;
  nodeName?: string;
  /** Status of each pod condition podeip writes, by type. */
  ownConditions: Record<string, string>;
}

export const EIP_BOUND_CONDITION = 'podeip.io/eip-bound';

export function trimPod(pod: V1Pod, conditionTypes: string[]): PodView {
  const metadata = pod.metadata ?? {};
  const ownConditions: Record<string, string> = {};
  for (const condition of pod.status?.conditions ?? []) {
    if (conditionTypes.includes(condition.type)) ownConditions[condition.type] = condition.status;
  }
  const view: PodView = {
    namespace: metadata.namespace ?? '',
    name: metadata.name ?? '',
    uid: metadata.uid ?? '',
    resourceVersion: metadata.resourceVersion ?? '',
    annotations: { ...(metadata.annotations ?? {}) },
    labels: { ...(metadata.labels ?? {}) },
    ownerReferences: (metadata.ownerReferences ?? []) as OwnerReference[],
    deleting: metadata.deletionTimestamp !== undefined && metadata.deletionTimestamp !== null,
    phase: pod.status?.phase ?? 'Pending',
    ownConditions,
  };
  if (pod.status?.podIP) view.podIP = pod.status.podIP;
  if (pod.spec?.nodeName) view.nodeName = pod.spec.nodeName;
  return view;
}

export function isTerminal(pod: PodView): boolean {
  return pod.phase === 'Succeeded' || pod.phase === 'Failed';
}
