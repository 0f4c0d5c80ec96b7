/**
 * SPEC §10: `podeip.io/pool: NAME` asks for an address of that pool, on both providers. It is a request
 * on its own and combines with the provider's delete policy or release strategy, but not with an owned
 * or a static request (bad input: which address would the pod get?).
 */
import { POOL_ANNOTATION } from '../k8s/eippool.js';
import { type InvalidRequest, invalid } from './claim-request.js';

/** A pool is a cluster-scoped object: its name is a DNS subdomain. */
const POOL_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

export interface NamedPool {
  key: string;
  name: string;
}

/** The pool the pod names, undefined when it names none, or why the annotation is bad input. */
export function namedPool(annotations: Record<string, string>, otherRequestKey: string | undefined): NamedPool | InvalidRequest | undefined {
  if (!(POOL_ANNOTATION in annotations)) return undefined;
  if (otherRequestKey) return invalid(POOL_ANNOTATION, `cannot be combined with ${otherRequestKey}: ask for an address of a pool, or an owned or static one, not both`);
  const name = annotations[POOL_ANNOTATION]!.trim();
  if (!POOL_NAME.test(name)) return invalid(POOL_ANNOTATION, `must name an EIPPool (a lowercase DNS name such as "game-eu"), got ${JSON.stringify(annotations[POOL_ANNOTATION])}`);
  return { key: POOL_ANNOTATION, name };
}

export function isInvalid(value: NamedPool | InvalidRequest | undefined): value is InvalidRequest {
  return value !== undefined && 'kind' in value;
}
