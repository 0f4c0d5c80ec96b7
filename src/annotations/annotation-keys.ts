import { POOL_ANNOTATION } from '../k8s/eippool.js';
import { type InvalidRequest, invalid } from './claim-request.js';

/**
 * Which of a pod's annotations a dialect reads (SPEC §3.4): its own input keys under its prefixes, and
 * keys that look like ours but are not one (`eip-`, `pod-eip-`, `eci-eip-` + an unknown name). Those
 * look-alikes are typos, and a typo must never pass silently (it could turn `Never` into `Delete`).
 */
export interface AnnotationFamily {
  readonly prefixes: readonly string[];
  /** Names (after a prefix) the dialect reads. */
  readonly inputNames: ReadonlySet<string>;
  /** Names that look like ours and are known, but are not inputs: outputs, and vendor keys podeip tolerates. */
  readonly otherKnownNames: ReadonlySet<string>;
}

/** podeip's own request annotations, read by every dialect (SPEC §10). */
export const PODEIP_INPUT_ANNOTATIONS: readonly string[] = [POOL_ANNOTATION];

const LOOK_ALIKE = /^(eip-|pod-eip-|eci-eip-)/;

type KeyRole = 'input' | 'typo' | 'unrelated';

function roleOf(family: AnnotationFamily, key: string): KeyRole {
  if (PODEIP_INPUT_ANNOTATIONS.includes(key)) return 'input';
  const prefix = family.prefixes.find((candidate) => key.startsWith(candidate));
  if (!prefix) return 'unrelated';
  const name = key.slice(prefix.length);
  if (family.inputNames.has(name)) return 'input';
  return LOOK_ALIKE.test(name) && !family.otherKnownNames.has(name) ? 'typo' : 'unrelated';
}

/**
 * The first annotation that looks like one of the family's but is not one makes the pod's request invalid,
 * also when no valid request key is present: the typo may be the request itself (`eip-atributes`).
 */
export function typoIn(family: AnnotationFamily, annotations: Record<string, string>): InvalidRequest | undefined {
  const typo = Object.keys(annotations).find((key) => roleOf(family, key) === 'typo');
  return typo === undefined ? undefined : invalid(typo, 'is not a known EIP annotation');
}

export function familyInputsOf(family: AnnotationFamily, annotations: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(annotations).filter(([key]) => roleOf(family, key) !== 'unrelated'));
}
