/** The pod's outputs (SPEC §3.1–3.3): annotations by merge patch, conditions through the status subresource. */
import { EIP_BOUND_CONDITION, type PodView } from '../k8s/pod-view.js';
import type { LifecycleContext } from './context.js';

export const PUBLIC_IP_ANNOTATION = 'podeip.io/public-ip';
export const ADDRESS_ID_ANNOTATION = 'podeip.io/address-id';

export function conditionTypes(context: Pick<LifecycleContext, 'dialect'>): string[] {
  return [EIP_BOUND_CONDITION, ...context.dialect.extraConditionTypes];
}

export async function writePodOutputs(context: LifecycleContext, pod: PodView, publicIp: string, addressId: string): Promise<void> {
  const wanted = { [PUBLIC_IP_ANNOTATION]: publicIp, [ADDRESS_ID_ANNOTATION]: addressId, ...context.dialect.outputAnnotations(publicIp, addressId) };
  if (Object.entries(wanted).some(([key, value]) => pod.annotations[key] !== value)) {
    const updated = await context.api.patchPodAnnotations(pod.namespace, pod.name, wanted);
    context.pods.observe(updated);
  }
  const missing = conditionTypes(context).filter((type) => pod.ownConditions[type] !== 'True');
  if (missing.length === 0) return;
  const lastTransitionTime = context.clock.now().toISOString();
  const conditions = missing.map((type) => ({ type, status: 'True' as const, reason: 'EIPBound', message: `public IP ${publicIp}`, lastTransitionTime }));
  const updated = await context.api.patchPodConditions(pod.namespace, pod.name, conditions);
  context.pods.observe(updated);
}
