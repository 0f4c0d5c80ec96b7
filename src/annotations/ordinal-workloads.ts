/**
 * A pod name's `-<n>` suffix is an ordinal only for workloads that name pods by ordinal. A Deployment's
 * random suffix can be all digits (`web-7d9f8-12345`), and must not pick entry 12345 of an address list.
 */
import type { PodAnnotationsView } from './claim-request.js';

/** API group and kind of each ordinal workload: StatefulSet, OpenKruise Advanced StatefulSet, OpenKruiseGame GameServerSet. */
const ORDINAL_WORKLOADS = [
  { group: 'apps', kind: 'StatefulSet' },
  { group: 'apps.kruise.io', kind: 'StatefulSet' },
  { group: 'game.kruise.io', kind: 'GameServerSet' },
];

export function isNamedByOrdinal(pod: PodAnnotationsView): boolean {
  const owner = pod.ownerReferences.find((reference) => reference.controller === true);
  if (!owner) return false;
  const group = owner.apiVersion.includes('/') ? owner.apiVersion.slice(0, owner.apiVersion.indexOf('/')) : '';
  return ORDINAL_WORKLOADS.some((workload) => workload.group === group && workload.kind === owner.kind);
}
