/** R1: a pod that asks for an EIP, and is neither terminating nor finished, gets a claim at once. */
import type { OwnedAddressRequest, StaticAddressRequest } from '../annotations/claim-request.js';
import { type EIPClaim, type EIPClaimSpec, FINALIZER, GROUP, KIND, type OwnerReference, VERSION } from '../k8s/eipclaim.js';
import type { PodView } from '../k8s/pod-view.js';
import type { LifecycleContext } from './context.js';
import { chooseStaticAddress } from './static-choice.js';

export function specFor(context: LifecycleContext, request: OwnedAddressRequest | StaticAddressRequest, pod: PodView, key: string): EIPClaimSpec {
  const spec: EIPClaimSpec = { provider: context.provider.name, deletePolicy: request.deletePolicy };
  if (request.expireAfter) spec.expireAfter = request.expireAfter;
  if (request.kind === 'owned') {
    spec.allocation = request.allocation;
    return spec;
  }
  const choice = chooseStaticAddress(request, pod.name, key, context.claims.list());
  if ('addressId' in choice) spec.addressId = choice.addressId;
  return spec;
}

/** The pod's controlling owner (a StatefulSet, GameServerSet, ...), never the pod itself (R8). */
function ownerOf(pod: PodView): OwnerReference[] {
  const owner = pod.ownerReferences.find((reference) => reference.controller);
  if (!owner) return [];
  return [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: owner.uid, blockOwnerDeletion: false }];
}

export async function createClaim(context: LifecycleContext, pod: PodView, request: OwnedAddressRequest | StaticAddressRequest, key: string): Promise<EIPClaim> {
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
