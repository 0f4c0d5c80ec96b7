/** The scheduler's decision, kept free of I/O: which node a pending pod should be bound to. */
import type { V1Node, V1Pod } from '@kubernetes/client-node';

/**
 * Ready, schedulable nodes whose labels satisfy the pod's nodeSelector are candidates; the one
 * running the fewest pods wins, ties by name so the choice is stable. Undefined when none fits.
 */
export function chooseNode(pod: V1Pod, nodes: readonly V1Node[], podCounts: ReadonlyMap<string, number>): string | undefined {
  const fitting = nodes.filter((node) => isSchedulable(node) && matchesSelector(node, pod.spec?.nodeSelector ?? {}));
  const byLoad = fitting
    .map((node) => node.metadata!.name!)
    .sort((a, b) => (podCounts.get(a) ?? 0) - (podCounts.get(b) ?? 0) || a.localeCompare(b));
  return byLoad[0];
}

function isSchedulable(node: V1Node): boolean {
  return node.spec?.unschedulable !== true && isNodeReady(node);
}

export function isNodeReady(node: V1Node): boolean {
  return node.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false;
}

function matchesSelector(node: V1Node, selector: Record<string, string>): boolean {
  const labels = node.metadata?.labels ?? {};
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}
