/** R1: a pod that asks for an EIP, and is neither terminating nor finished, gets a claim at once (also for bad input, SPEC §3.4). */
import type { InvalidRequest, StaticAddressRequest, ValidRequest } from '../annotations/claim-request.js';
import { type EIPClaim, type EIPClaimSpec, FINALIZER, GROUP, KIND, type OwnerReference, VERSION } from '../k8s/eipclaim.js';
import type { PodView } from '../k8s/pod-view.js';
import type { LifecycleContext } from './context.js';
import { chooseStaticAddress, ordinalOf } from './static-choice.js';

type ClaimRequestOrInvalid = ValidRequest | InvalidRequest;

/**
 * The claim's spec from the pod's request. A static entry, once held, stays while the request still
 * lists it (for an ordinal pod: at its ordinal); until then it is picked anew on each pass.
 */
export function specFor(context: LifecycleContext, request: ClaimRequestOrInvalid, pod: PodView, key: string, current?: EIPClaim): EIPClaimSpec {
  if (request.kind === 'invalid') return { provider: context.provider.name, deletePolicy: 'Delete' };
  const spec: EIPClaimSpec = { provider: context.provider.name, deletePolicy: request.deletePolicy };
  if (request.expireAfter) spec.expireAfter = request.expireAfter;
  if (request.kind === 'pool') {
    spec.pool = request.pool;
    return spec;
  }
  if (request.kind === 'owned') {
    // The parameters an address was allocated with stay on record; until then, the current ones count.
    spec.allocation = (current?.status?.addressId && current.spec?.allocation) || request.allocation;
    return spec;
  }
  const picked = current?.status?.addressId ? current.spec?.addressId : undefined;
  if (picked && stillListed(request, pod.name, picked)) {
    spec.addressId = picked;
    return spec;
  }
  const choice = chooseStaticAddress(request, pod.name, key, context.claims.list());
  if ('addressId' in choice) spec.addressId = choice.addressId;
  return spec;
}

function stillListed(request: StaticAddressRequest, podName: string, addressId: string): boolean {
  const ordinal = request.chooseByOrdinal ? ordinalOf(podName) : undefined;
  return ordinal === undefined ? request.addressIds.includes(addressId) : request.addressIds[ordinal] === addressId;
}

/** The pod's controlling owner (a StatefulSet, GameServerSet, ...), never the pod itself (R8). */
function ownerOf(pod: PodView): OwnerReference[] {
  const owner = pod.ownerReferences.find((reference) => reference.controller);
  if (!owner) return [];
  return [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: owner.uid, blockOwnerDeletion: false }];
}

export async function createClaim(context: LifecycleContext, pod: PodView, request: ClaimRequestOrInvalid, key: string): Promise<EIPClaim> {
  const body = {
    apiVersion: `${GROUP}/${VERSION}`,
    kind: KIND,
    metadata: {
      name: pod.name,
      namespace: pod.namespace,
      finalizers: [FINALIZER],
      ...(context.settings.enableOwnerRef ? { ownerReferences: ownerOf(pod) } : {}),
    },
    spec: specFor(context, request, pod, key),
  };
  const created = await context.api.createClaim(body);
  context.claims.observe(created);
  return created;
}
