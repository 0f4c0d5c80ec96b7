/**
 * Which pods are podeip's business, and how little of the others it keeps. A pod that asks for an
 * address (or asks wrongly) is reconciled and cached in full; any other pod only matters if a claim
 * of its name exists, and then only for what podeip may have to undo on it: its uid, IP, phase,
 * podeip's conditions, and the annotations the dialect reads or podeip writes. Its labels, owners and
 * other annotations (often most of a trimmed pod) are not kept: a change that makes it ask arrives
 * as a whole pod again.
 */
import type { AnnotationDialect } from '../annotations/claim-request.js';
import type { PodView } from '../k8s/pod-view.js';
import { ADDRESS_ID_ANNOTATION, PUBLIC_IP_ANNOTATION } from '../lifecycle/pod-outputs.js';

export interface PodInterest {
  asksForAddress(pod: PodView): boolean;
  /** The view to cache: `pod` itself when it asks, its slim form otherwise. */
  retained(pod: PodView): PodView;
}

/** Every pod in full (tests that build caches without a dialect). */
export const EVERY_POD: PodInterest = { asksForAddress: () => true, retained: (pod) => pod };

export function podInterestOf(dialect: AnnotationDialect): PodInterest {
  const outputs = new Set([PUBLIC_IP_ANNOTATION, ADDRESS_ID_ANNOTATION, ...Object.keys(dialect.outputAnnotations('', ''))]);
  const asksForAddress = (pod: PodView) => dialect.parse(pod).kind !== 'none';
  return {
    asksForAddress,
    retained: (pod) => {
      if (asksForAddress(pod)) return pod;
      const inputs = dialect.inputsOf(pod);
      const kept = Object.entries(pod.annotations).filter(([key]) => outputs.has(key) || key in inputs);
      return { ...pod, annotations: Object.fromEntries(kept), labels: {}, ownerReferences: [] };
    },
  };
}
