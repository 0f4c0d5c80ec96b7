/**
 * Where `podeip adopt` finds existing bindings (SPEC §11): ipamd's and Terway's are addresses bound
 * to running pods' IPs (those controllers read the very annotations podeip's dialects read, so a
 * pod with an owned or static request in them is theirs); ack-extend's are its PodEIP objects.
 */
import type { ClaimRequest } from '../annotations/claim-request.js';
import type { PodEIP } from '../compat/podeip-resource.js';
import { ADOPTED_FROM_ANNOTATION } from './adopted-claim.js';
import { EIP_CONTROLLER_ANNOTATION, PODEIP_CONTROLLER } from '../compat/podeip-resource.js';
import { keyOf } from '../k8s/eipclaim.js';
import type { PodView } from '../k8s/pod-view.js';
import type { CloudAddress, ProviderName } from '../providers/provider.js';

export type AdoptSource = 'ipamd' | 'terway' | 'ack-extend';
export const ADOPT_SOURCES: AdoptSource[] = ['ipamd', 'terway', 'ack-extend'];
export const SOURCE_PROVIDER: Record<AdoptSource, ProviderName> = { ipamd: 'tencent', terway: 'alibaba', 'ack-extend': 'alibaba' };

export type Ownership = 'Owned' | 'Static';

/** One binding the source made, as far as it could be found: a pod and the address meant for it. */
export interface Candidate {
  namespace: string;
  name: string;
  pod?: PodView;
  addressId?: string;
  address?: CloudAddress;
  /** What the source itself says (ack-extend's allocationType); ipamd and Terway say it through the pod's request. */
  sourceOwnership?: Ownership;
}

export interface SourceInputs {
  pods: PodView[];
  /** Every address of the account and region (ipamd, Terway) or those the PodEIPs name (ack-extend). */
  addresses: CloudAddress[];
  podEips: PodEIP[];
  parse(pod: PodView): ClaimRequest;
}

export function candidatesOf(source: AdoptSource, inputs: SourceInputs): Candidate[] {
  return source === 'ack-extend' ? podEipCandidates(inputs) : boundPodCandidates(inputs);
}

/** The ids to describe before `candidatesOf`: undefined = every address (a pod's binding is found by its IP). */
export function addressIdsToRead(source: AdoptSource, podEips: PodEIP[]): string[] | undefined {
  return source === 'ack-extend' ? ackExtendPodEips(podEips).map((podEip) => podEip.spec.allocationID) : undefined;
}

function boundPodCandidates({ pods, addresses, parse }: SourceInputs): Candidate[] {
  const byPrivateIp = new Map(addresses.filter((address) => address.target).map((address) => [address.target!.privateIp, address]));
  return pods
    .filter((pod) => ['owned', 'static'].includes(parse(pod).kind))
    .map((pod) => {
      const address = pod.podIP ? byPrivateIp.get(pod.podIP) : undefined;
      return { namespace: pod.namespace, name: pod.name, pod, ...(address ? { addressId: address.id, address } : {}) };
    });
}

function podEipCandidates({ pods, addresses, podEips }: SourceInputs): Candidate[] {
  const podsByKey = new Map(pods.map((pod) => [keyOf(pod), pod]));
  const addressesById = new Map(addresses.map((address) => [address.id, address]));
  return ackExtendPodEips(podEips).map((podEip) => {
    const { namespace, name } = podEip.metadata;
    const pod = podsByKey.get(keyOf(podEip.metadata));
    const address = addressesById.get(podEip.spec.allocationID);
    const sourceOwnership: Ownership = podEip.spec.allocationType?.type === 'Static' ? 'Static' : 'Owned';
    return { namespace, name, addressId: podEip.spec.allocationID, sourceOwnership, ...(pod ? { pod } : {}), ...(address ? { address } : {}) };
  });
}

/** PodEIPs podeip writes itself (SPEC §11 compatibility) are not ack-extend's, unless podeip adopted them from it. */
function ackExtendPodEips(podEips: PodEIP[]): PodEIP[] {
  return podEips.filter((podEip) => {
    const annotations = podEip.metadata.annotations ?? {};
    const ackExtends = annotations[EIP_CONTROLLER_ANNOTATION] !== PODEIP_CONTROLLER || annotations[ADOPTED_FROM_ANNOTATION] === 'ack-extend';
    return ackExtends && podEip.spec?.allocationID;
  });
}
