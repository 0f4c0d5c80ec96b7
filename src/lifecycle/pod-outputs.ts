/** The pod's outputs (SPEC §3.1–3.3): annotations by merge patch, conditions through the status subresource. */
import { EIP_BOUND_CONDITION, type PodView } from '../k8s/pod-view.js';
import type { LifecycleContext } from './context.js';

export const PUBLIC_IP_ANNOTATION = 'podeip.io/public-ip';
export const ADDRESS_ID_ANNOTATION = 'podeip.io/address-id';

export function conditionTypes(context: Pick<LifecycleContext, 'dialect'>): string[] {
  return [EIP_BOUND_CONDITION, ...context.dialect.extraConditionTypes];
}

function outputAnnotations(context: LifecycleContext, publicIp: string, addressId: string): Record<string, string> {
  return { [PUBLIC_IP_ANNOTATION]: publicIp, [ADDRESS_ID_ANNOTATION]: addressId, ...context.dialect.outputAnnotations(publicIp, addressId) };
}

export async function writePodOutputs(context: LifecycleContext, pod: PodView, publicIp: string, addressId: string): Promise<void> {
  const wanted = outputAnnotations(context, publicIp, addressId);
  if (Object.entries(wanted).some(([key, value]) => pod.annotations[key] !== value)) await patchAnnotations(context, pod, wanted);
  await flipPodConditions(context, pod, 'True', 'EIPBound', `public IP ${publicIp}`);
}

/**
 * The pod's address does not work right now (unbound, moving to the pod's new IP, lost): its
 * conditions go False so a readiness gate holds the pod back. With `forgetAddress` (the address is
 * gone for good) the output annotations naming it are removed too.
 */
export async function withdrawPodOutputs(context: LifecycleContext, pod: PodView, reason: string, message: string, forgetAddress: boolean): Promise<void> {
  if (forgetAddress) {
    const stale = Object.keys(outputAnnotations(context, '', '')).filter((key) => key in pod.annotations);
    if (stale.length > 0) await patchAnnotations(context, pod, Object.fromEntries(stale.map((key) => [key, null])));
  }
  await flipPodConditions(context, pod, 'False', reason, message);
}

async function patchAnnotations(context: LifecycleContext, pod: PodView, annotations: Record<string, string | null>): Promise<void> {
  context.pods.observe(await context.api.patchPodAnnotations(pod.namespace, pod.name, pod.uid, annotations));
}

/** Writes only the conditions whose status changes, so lastTransitionTime marks real flips. */
async function flipPodConditions(context: LifecycleContext, pod: PodView, status: 'True' | 'False', reason: string, message: string): Promise<void> {
  const flipping = conditionTypes(context).filter((type) => pod.ownConditions[type] !== status);
  if (flipping.length === 0) return;
  const lastTransitionTime = context.clock.now().toISOString();
  const conditions = flipping.map((type) => ({ type, status, reason, message, lastTransitionTime }));
  context.pods.observe(await context.api.patchPodConditions(pod.namespace, pod.name, pod.uid, conditions));
}
