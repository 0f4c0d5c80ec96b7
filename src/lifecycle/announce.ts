/** Events go on the pod and on the claim (SPEC §6); either may be absent. */
import { type EIPClaim, GROUP, KIND, VERSION } from '../k8s/eipclaim.js';
import type { EventTarget, EventType } from '../k8s/event-recorder.js';
import type { PodView } from '../k8s/pod-view.js';
import type { LifecycleContext } from './context.js';

export interface Subjects {
  pod?: PodView | undefined;
  claim?: EIPClaim | undefined;
}

function podTarget(pod: PodView): EventTarget {
  return { apiVersion: 'v1', kind: 'Pod', namespace: pod.namespace, name: pod.name, uid: pod.uid };
}

function claimTarget(claim: EIPClaim): EventTarget {
  const { namespace, name, uid } = claim.metadata;
  return { apiVersion: `${GROUP}/${VERSION}`, kind: KIND, namespace, name, uid };
}

export async function announce(context: LifecycleContext, subjects: Subjects, type: EventType, reason: string, message: string): Promise<void> {
  const targets = [subjects.pod && podTarget(subjects.pod), subjects.claim && claimTarget(subjects.claim)].filter((target) => target !== undefined);
  await Promise.all(targets.map((target) => context.events.record(target, type, reason, message)));
}
