/** Questions about a pod's lifecycle that every controller asks the same way. */
import type { V1Pod } from '@kubernetes/client-node';

export function isTerminating(pod: V1Pod): boolean {
  return pod.metadata?.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
}

export function hasExited(pod: V1Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** Counts towards a controller's replicas: neither being deleted nor finished. */
export function isActive(pod: V1Pod): boolean {
  return !isTerminating(pod) && !hasExited(pod);
}

export function isReady(pod: V1Pod): boolean {
  return pod.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false;
}
