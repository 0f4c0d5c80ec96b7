/** events.k8s.io/v1 Events are core/v1 Events in storage, converted by field name as kube-apiserver does. */
import type { KubeObject, StorageConversion } from './resource-type.js';

/** [core/v1 field, events.k8s.io/v1 field]; every other field has the same name in both. */
const renamed: Array<[string, string]> = [
  ['involvedObject', 'regarding'],
  ['message', 'note'],
  ['reportingComponent', 'reportingController'],
  ['source', 'deprecatedSource'],
  ['firstTimestamp', 'deprecatedFirstTimestamp'],
  ['lastTimestamp', 'deprecatedLastTimestamp'],
  ['count', 'deprecatedCount'],
];

function renameFields(object: KubeObject, pairs: Array<[string, string]>): KubeObject {
  const result: KubeObject = { ...object };
  for (const [to, from] of pairs) {
    if (!(from in result)) continue;
    result[to] = result[from];
    delete result[from];
  }
  return result;
}

export const eventsV1Storage: StorageConversion = {
  resource: '/events',
  toStorage: (event) => renameFields(event, renamed),
  fromStorage: (event) => renameFields(event, renamed.map(([core, events]) => [events, core])),
};
