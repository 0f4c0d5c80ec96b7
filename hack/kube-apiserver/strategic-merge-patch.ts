/**
 * Strategic merge patch for the built-in types, keyed by field name rather than by Go type: the
 * lists podeip and kubectl touch merge by their Kubernetes merge key, all other lists are replaced.
 * Directives: `$patch: replace|delete` (maps and list items), `$retainKeys`,
 * `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>`.
 */
import { isPlainObject } from './merge-patch.js';

const mergeKeys: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  ports: 'containerPort',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  conditions: 'type',
  readinessGates: 'conditionType',
  ownerReferences: 'uid',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  podIPs: 'ip',
  hostIPs: 'ip',
  resourceClaims: 'name',
};

/** Lists of scalars whose patch strategy is "merge" (a union) instead of replace. */
const mergedScalarLists = new Set(['finalizers']);

const setElementOrderPrefix = '$setElementOrder/';
const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList/';

type Json = any;

function itemKey(item: Json, mergeKey: string | undefined): unknown {
  return mergeKey && isPlainObject(item) ? item[mergeKey] : item;
}

function mergeObjectList(original: Json[], patch: Json[], mergeKey: string): Json[] {
  if (patch.some((item) => isPlainObject(item) && item.$patch === 'replace')) {
    return patch.filter((item) => !(isPlainObject(item) && item.$patch === 'replace')).map((item) => strategicMerge({}, item));
  }
  const result = [...original];
  for (const item of patch) {
    const index = result.findIndex((existing) => itemKey(existing, mergeKey) === itemKey(item, mergeKey));
    if (isPlainObject(item) && item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) result[index] = strategicMerge(result[index], item);
    else result.push(strategicMerge({}, item));
  }
  return result;
}

function mergeList(field: string, original: Json, patch: Json[]): Json[] {
  const mergeKey = mergeKeys[field];
  const base = Array.isArray(original) ? original : [];
  if (mergeKey && patch.every((item) => isPlainObject(item))) return mergeObjectList(base, patch, mergeKey);
  if (mergedScalarLists.has(field)) return [...base, ...patch.filter((item) => !base.includes(item))];
  return patch.map((item) => (isPlainObject(item) ? strategicMerge({}, item) : item));
}

function orderedBy(list: Json[], order: Json[], mergeKey: string | undefined): Json[] {
  const rank = (item: Json): number => {
    const index = order.findIndex((entry) => itemKey(entry, mergeKey) === itemKey(item, mergeKey));
    return index < 0 ? order.length : index;
  };
  return [...list].sort((a, b) => rank(a) - rank(b));
}

function applyListDirectives(result: Record<string, Json>, patch: Record<string, Json>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(deleteFromPrimitiveListPrefix)) {
      const field = key.slice(deleteFromPrimitiveListPrefix.length);
      if (Array.isArray(result[field])) result[field] = result[field].filter((item: Json) => !value.includes(item));
    }
    if (key.startsWith(setElementOrderPrefix)) {
      const field = key.slice(setElementOrderPrefix.length);
      if (Array.isArray(result[field])) result[field] = orderedBy(result[field], value, mergeKeys[field]);
    }
  }
}

export function strategicMerge(original: Json, patch: Json): Json {
  if (!isPlainObject(patch)) return patch;
  if (patch.$patch === 'replace') return strategicMerge({}, { ...patch, $patch: undefined });
  const result: Record<string, Json> = isPlainObject(original) ? { ...original } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$') || value === undefined) continue;
    if (value === null || (isPlainObject(value) && value.$patch === 'delete')) delete result[key];
    else if (Array.isArray(value)) result[key] = mergeList(key, result[key], value);
    else result[key] = strategicMerge(result[key], value);
  }
  applyListDirectives(result, patch);
  if (Array.isArray(patch.$retainKeys)) {
    for (const key of Object.keys(result)) if (!patch.$retainKeys.includes(key)) delete result[key];
  }
  return result;
}
