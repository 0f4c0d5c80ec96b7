/** metav1.Condition bookkeeping: lastTransitionTime moves only when the status flips. */
import type { Condition } from '../k8s/eipclaim.js';

export type ConditionInput = Pick<Condition, 'type' | 'status' | 'reason' | 'message'>;

export function mergeConditions(current: Condition[] | undefined, updates: ConditionInput[], now: Date, generation: number | undefined): Condition[] {
  const result = [...(current ?? [])];
  for (const update of updates) {
    const index = result.findIndex((condition) => condition.type === update.type);
    const previous = index === -1 ? undefined : result[index];
    const lastTransitionTime = previous && previous.status === update.status ? previous.lastTransitionTime : now.toISOString();
    const next: Condition = { ...update, lastTransitionTime, ...(generation !== undefined ? { observedGeneration: generation } : {}) };
    if (index === -1) result.push(next);
    else result[index] = next;
  }
  return result;
}

export function sameConditions(a: Condition[] | undefined, b: Condition[] | undefined): boolean {
  const strip = (list: Condition[] | undefined) =>
    JSON.stringify((list ?? []).map(({ type, status, reason, message }) => ({ type, status, reason, message })));
  return strip(a) === strip(b);
}
