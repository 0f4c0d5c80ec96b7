/** Wiring from informer events to a controller's queue: which key an object's change concerns. */
import type { KubernetesObject, ListWatch } from '@kubernetes/client-node';
import type { ReconcileQueue } from './reconcile-queue.js';

export function enqueueOnChange<T extends KubernetesObject>(
  informer: ListWatch<T>,
  queue: ReconcileQueue,
  keyOf: (object: T) => string | undefined,
): void {
  informer.on('change', (object) => {
    const key = keyOf(object);
    if (key !== undefined) queue.add(key);
  });
}
