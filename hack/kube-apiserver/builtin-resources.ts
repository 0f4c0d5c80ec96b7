/** The built-in resources this server serves (issue 2, item 1). */
import { eventsV1Storage } from './event-conversion.js';
import type { ResourceType } from './resource-type.js';

interface BuiltinSpec {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  hasStatus?: boolean;
  hasScale?: boolean;
  tracksGeneration?: boolean;
  /** The top-level fields besides apiVersion, kind and metadata; `spec` and `status` unless given. */
  fields?: string[];
}

const coreEventFields = ['involvedObject', 'reason', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'count', 'type', 'eventTime', 'series', 'action', 'related', 'reportingComponent', 'reportingInstance'];
const eventsV1Fields = ['eventTime', 'series', 'reportingController', 'reportingInstance', 'action', 'reason', 'regarding', 'related', 'note', 'type', 'deprecatedSource', 'deprecatedFirstTimestamp', 'deprecatedLastTimestamp', 'deprecatedCount'];

function builtin(spec: BuiltinSpec): ResourceType {
  return {
    group: spec.group,
    version: spec.version,
    kind: spec.kind,
    listKind: `${spec.kind}List`,
    plural: spec.plural,
    singular: spec.kind.toLowerCase(),
    namespaced: spec.namespaced,
    shortNames: spec.shortNames ?? [],
    categories: spec.categories ?? [],
    hasStatus: spec.hasStatus ?? false,
    hasScale: spec.hasScale ?? false,
    strategicMerge: true,
    tracksGeneration: spec.tracksGeneration ?? false,
    topLevelFields: spec.fields ?? ['spec', 'status'],
  };
}

/** Stored only (nothing is authorized by them), so that podeip's own install manifest applies. */
const rbac = { group: 'rbac.authorization.k8s.io', version: 'v1' };
const workload = { group: 'apps', version: 'v1', namespaced: true, hasStatus: true, hasScale: true, tracksGeneration: true };

export const builtinResources: ResourceType[] = [
  builtin({ group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false, shortNames: ['ns'], hasStatus: true }),
  builtin({ group: '', version: 'v1', kind: 'Node', plural: 'nodes', namespaced: false, shortNames: ['no'], hasStatus: true }),
  builtin({ group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true, shortNames: ['po'], categories: ['all'], hasStatus: true }),
  builtin({ group: '', version: 'v1', kind: 'Binding', plural: 'bindings', namespaced: true, fields: ['target'] }),
  builtin({ group: '', version: 'v1', kind: 'Event', plural: 'events', namespaced: true, shortNames: ['ev'], fields: coreEventFields }),
  { ...builtin({ group: 'events.k8s.io', version: 'v1', kind: 'Event', plural: 'events', namespaced: true, shortNames: ['ev'], fields: eventsV1Fields }), storage: eventsV1Storage },
  builtin({ ...workload, kind: 'StatefulSet', plural: 'statefulsets', shortNames: ['sts'], categories: ['all'] }),
  builtin({ ...workload, kind: 'Deployment', plural: 'deployments', shortNames: ['deploy'], categories: ['all'] }),
  builtin({ ...workload, kind: 'ReplicaSet', plural: 'replicasets', shortNames: ['rs'], categories: ['all'] }),
  builtin({ group: 'coordination.k8s.io', version: 'v1', kind: 'Lease', plural: 'leases', namespaced: true, fields: ['spec'] }),
  builtin({ group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true, shortNames: ['cm'], fields: ['data', 'binaryData', 'immutable'] }),
  builtin({ group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', namespaced: true, shortNames: ['sa'], fields: ['secrets', 'imagePullSecrets', 'automountServiceAccountToken'] }),
  builtin({ ...rbac, kind: 'Role', plural: 'roles', namespaced: true, fields: ['rules'] }),
  builtin({ ...rbac, kind: 'ClusterRole', plural: 'clusterroles', namespaced: false, fields: ['rules', 'aggregationRule'] }),
  builtin({ ...rbac, kind: 'RoleBinding', plural: 'rolebindings', namespaced: true, fields: ['subjects', 'roleRef'] }),
  builtin({ ...rbac, kind: 'ClusterRoleBinding', plural: 'clusterrolebindings', namespaced: false, fields: ['subjects', 'roleRef'] }),
  builtin({
    group: 'apiextensions.k8s.io',
    version: 'v1',
    kind: 'CustomResourceDefinition',
    plural: 'customresourcedefinitions',
    namespaced: false,
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    hasStatus: true,
    tracksGeneration: true,
  }),
];
