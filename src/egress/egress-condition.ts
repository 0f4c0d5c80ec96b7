/**
 * The pod condition `podeip.io/egress-via-eip` (SPEC §11): True once the pod's entry is in
 * ip-masq-agent-config, False with the reason while it cannot be, False again once the pod's address
 * is unbound. Written through the status subresource with the pod's uid as a precondition, and only
 * when its status flips, so lastTransitionTime marks real changes.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock/clock.js';
import { keyOf } from '../k8s/eipclaim.js';
import type { Informer } from '../k8s/informer.js';
import { httpStatusOf, type KubeApi, type PodConditionPatch } from '../k8s/kube-api.js';
import type { PodView } from '../k8s/pod-view.js';
import type { BoundPodEntry } from './bound-pod-entries.js';

export const EGRESS_VIA_EIP_CONDITION = 'podeip.io/egress-via-eip';

/** Where the Bound pods' entries stand after a pass over the ConfigMap. */
export type EgressState = { inPlace: true } | { inPlace: false; reason: string; message: string };

export interface EgressConditionWriter {
  api: KubeApi;
  pods: Informer<PodView>;
  clock: Clock;
  logger: Logger;
}

type Wanted = Pick<PodConditionPatch, 'status' | 'reason' | 'message'>;

const UNBOUND: Wanted = {
  status: 'False',
  reason: 'AddressUnbound',
  message: "the pod's EIP is not bound to it: its outbound traffic leaves through the node's address",
};

/** Throws, after trying every pod, when a write failed other than for a pod that is gone or re-created. */
export async function settleEgressConditions(writer: EgressConditionWriter, entries: BoundPodEntry[], state: EgressState): Promise<void> {
  const flips = [...boundPodFlips(writer, entries, state), ...unboundPodFlips(writer, entries)];
  const failures = (await Promise.allSettled(flips.map(([pod, wanted]) => writeCondition(writer, pod, wanted)))).filter((outcome) => outcome.status === 'rejected');
  if (failures.length > 0) throw new Error(`could not write the ${EGRESS_VIA_EIP_CONDITION} condition of ${failures.length} pod(s): ${String(failures[0]!.reason)}`);
}

/**
 * After a pass that could not finish: an unbound pod's condition does not depend on the ConfigMap,
 * so it still turns False; a Bound pod's stays as it was until a pass tells where its entry stands.
 */
export async function settleUnboundEgressConditions(writer: EgressConditionWriter, entries: BoundPodEntry[]): Promise<void> {
  await Promise.allSettled(unboundPodFlips(writer, entries).map(([pod, wanted]) => writeCondition(writer, pod, wanted)));
}

function boundPodFlips(writer: EgressConditionWriter, entries: BoundPodEntry[], state: EgressState): Array<[PodView, Wanted]> {
  const flips: Array<[PodView, Wanted]> = [];
  for (const entry of entries) {
    const pod = writer.pods.get(keyOf(entry));
    if (!pod || pod.uid !== entry.podUID) continue;
    const wanted = state.inPlace ? inPlace(entry) : ({ status: 'False', reason: state.reason, message: state.message } as const);
    if (pod.ownConditions[EGRESS_VIA_EIP_CONDITION] !== wanted.status) flips.push([pod, wanted]);
  }
  return flips;
}

function unboundPodFlips(writer: EgressConditionWriter, entries: BoundPodEntry[]): Array<[PodView, Wanted]> {
  const bound = new Set(entries.map((entry) => keyOf(entry)));
  return writer.pods
    .list()
    .filter((pod) => pod.ownConditions[EGRESS_VIA_EIP_CONDITION] === 'True' && !bound.has(keyOf(pod)))
    .map((pod) => [pod, UNBOUND]);
}

function inPlace(entry: BoundPodEntry): Wanted {
  return { status: 'True', reason: 'NonMasqueradeSrcCIDR', message: `kube-system/ip-masq-agent-config lists ${entry.cidr} in NonMasqueradeSrcCIDRs: outbound traffic leaves through the EIP` };
}

async function writeCondition(writer: EgressConditionWriter, pod: PodView, wanted: Wanted): Promise<void> {
  const condition = { type: EGRESS_VIA_EIP_CONDITION, ...wanted, lastTransitionTime: writer.clock.now().toISOString() };
  try {
    writer.pods.observe(await writer.api.patchPodConditions(pod.namespace, pod.name, pod.uid, [condition]));
  } catch (error) {
    const status = httpStatusOf(error);
    if (status === 404 || status === 409) return writer.logger.debug({ pod: keyOf(pod) }, 'pod gone or re-created before its egress condition was written');
    throw error;
  }
}
