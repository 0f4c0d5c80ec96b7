/** The server-side printing columns kubectl shows for each kind (priority 1 = only with `-o wide`). */
import { ageOf } from './human-duration.js';
import { evaluateJsonPath } from './json-path.js';
import { formatLabelSelector } from './label-selector.js';
import { resourceKey, type KubeObject, type PrinterColumn, type ResourceType } from './resource-type.js';

export interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface Column {
  definition: ColumnDefinition;
  cell: (object: KubeObject, now: Date) => unknown;
}

function column(name: string, cell: Column['cell'], options: { type?: string; format?: string; priority?: number } = {}): Column {
  return { definition: { name, type: options.type ?? 'string', format: options.format ?? '', description: name, priority: options.priority ?? 0 }, cell };
}

const wide = { priority: 1 };
const nameColumn = column('Name', (object) => object.metadata.name, { format: 'name' });
const ageColumn = column('Age', (object, now) => ageOf(object.metadata.creationTimestamp, now));
const orNone = (value: unknown): unknown => (value === undefined || value === null || value === '' ? '<none>' : value);

function podStatus(pod: KubeObject): string {
  let reason: string = pod.status?.reason ?? pod.status?.phase ?? 'Unknown';
  for (const status of pod.status?.containerStatuses ?? []) {
    reason = status.state?.waiting?.reason ?? status.state?.terminated?.reason ?? reason;
  }
  return pod.metadata.deletionTimestamp ? 'Terminating' : reason;
}

function readinessGates(pod: KubeObject): string {
  const gates: KubeObject[] = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions: KubeObject[] = pod.status?.conditions ?? [];
  const ready = gates.filter((gate) => conditions.some((condition) => condition.type === gate.conditionType && condition.status === 'True'));
  return `${ready.length}/${gates.length}`;
}

const podColumns = [
  nameColumn,
  column('Ready', (pod) => {
    const statuses: KubeObject[] = pod.status?.containerStatuses ?? [];
    return `${statuses.filter((status) => status.ready).length}/${(pod.spec?.containers ?? []).length}`;
  }),
  column('Status', podStatus),
  column('Restarts', (pod) => String((pod.status?.containerStatuses ?? []).reduce((sum: number, status: KubeObject) => sum + (status.restartCount ?? 0), 0))),
  ageColumn,
  column('IP', (pod) => orNone(pod.status?.podIP), wide),
  column('Node', (pod) => orNone(pod.spec?.nodeName), wide),
  column('Nominated Node', (pod) => orNone(pod.status?.nominatedNodeName), wide),
  column('Readiness Gates', readinessGates, wide),
];

function nodeStatus(node: KubeObject): string {
  const ready = (node.status?.conditions ?? []).find((condition: KubeObject) => condition.type === 'Ready');
  const status = ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown';
  return node.spec?.unschedulable ? `${status},SchedulingDisabled` : status;
}

function nodeAddress(type: string): Column['cell'] {
  return (node) => orNone((node.status?.addresses ?? []).find((address: KubeObject) => address.type === type)?.address);
}

const nodeColumns = [
  nameColumn,
  column('Status', nodeStatus),
  column('Roles', (node) => {
    const roles = Object.keys(node.metadata.labels ?? {})
      .filter((label) => label.startsWith('node-role.kubernetes.io/'))
      .map((label) => label.slice('node-role.kubernetes.io/'.length));
    return roles.length > 0 ? roles.sort().join(',') : '<none>';
  }),
  ageColumn,
  column('Version', (node) => node.status?.nodeInfo?.kubeletVersion ?? ''),
  column('Internal-IP', nodeAddress('InternalIP'), wide),
  column('External-IP', nodeAddress('ExternalIP'), wide),
  column('OS-Image', (node) => orNone(node.status?.nodeInfo?.osImage), wide),
  column('Kernel-Version', (node) => orNone(node.status?.nodeInfo?.kernelVersion), wide),
  column('Container-Runtime', (node) => orNone(node.status?.nodeInfo?.containerRuntimeVersion), wide),
];

const templateContainers = (object: KubeObject): KubeObject[] => object.spec?.template?.spec?.containers ?? [];
const containersColumn = column('Containers', (object) => templateContainers(object).map((container) => container.name).join(','), wide);
const imagesColumn = column('Images', (object) => templateContainers(object).map((container) => container.image).join(','), wide);
const selectorColumn = column('Selector', (object) => formatLabelSelector(object.spec?.selector) || '<none>', wide);
const count = (read: (object: KubeObject) => number | undefined): Column['cell'] => (object) => read(object) ?? 0;
const replicaSetLikeTail = [ageColumn, containersColumn, imagesColumn, selectorColumn];

const statefulSetColumns = [
  nameColumn,
  column('Ready', (set) => `${set.status?.readyReplicas ?? 0}/${set.spec?.replicas ?? 0}`),
  ageColumn,
  containersColumn,
  imagesColumn,
];

const deploymentColumns = [
  nameColumn,
  column('Ready', (deployment) => `${deployment.status?.readyReplicas ?? 0}/${deployment.spec?.replicas ?? 0}`),
  column('Up-to-date', count((deployment) => deployment.status?.updatedReplicas), { type: 'integer' }),
  column('Available', count((deployment) => deployment.status?.availableReplicas), { type: 'integer' }),
  ...replicaSetLikeTail,
];

const replicaSetColumns = [
  nameColumn,
  column('Desired', count((set) => set.spec?.replicas), { type: 'integer' }),
  column('Current', count((set) => set.status?.replicas), { type: 'integer' }),
  column('Ready', count((set) => set.status?.readyReplicas), { type: 'integer' }),
  ...replicaSetLikeTail,
];

function eventColumns(regarding: string, message: string): Column[] {
  const lastSeen = (event: KubeObject): string | undefined =>
    event.series?.lastObservedTime ?? event.lastTimestamp ?? event.deprecatedLastTimestamp ?? event.eventTime ?? event.metadata.creationTimestamp;
  return [
    column('Last Seen', (event, now) => ageOf(lastSeen(event), now)),
    column('Type', (event) => event.type ?? ''),
    column('Reason', (event) => event.reason ?? ''),
    column('Object', (event) => `${String(event[regarding]?.kind ?? '').toLowerCase()}/${event[regarding]?.name ?? ''}`),
    column('Subobject', (event) => event[regarding]?.fieldPath ?? '', wide),
    column('Source', (event) => event.source?.component ?? event.reportingController ?? '', wide),
    column('Message', (event) => event[message] ?? ''),
    column('First Seen', (event, now) => ageOf(event.firstTimestamp ?? event.deprecatedFirstTimestamp ?? event.eventTime, now), wide),
    column('Count', (event) => event.count ?? event.series?.count ?? event.deprecatedCount ?? 1, { ...wide, type: 'integer' }),
    column('Name', (event) => event.metadata.name, { ...wide, format: 'name' }),
  ];
}

const columnsByResource: Record<string, Column[]> = {
  '/pods': podColumns,
  '/nodes': nodeColumns,
  '/namespaces': [nameColumn, column('Status', (namespace) => namespace.status?.phase ?? ''), ageColumn],
  '/events': eventColumns('involvedObject', 'message'),
  'events.k8s.io/events': eventColumns('regarding', 'note'),
  'apps/statefulsets': statefulSetColumns,
  'apps/deployments': deploymentColumns,
  'apps/replicasets': replicaSetColumns,
  'coordination.k8s.io/leases': [nameColumn, column('Holder', (lease) => lease.spec?.holderIdentity ?? ''), ageColumn],
  'apiextensions.k8s.io/customresourcedefinitions': [nameColumn, column('Created At', (crd) => crd.metadata.creationTimestamp, { format: 'date-time' })],
};

function cellOfPrinterColumn(printer: PrinterColumn): Column['cell'] {
  return (object, now) => {
    const values = evaluateJsonPath(object, printer.jsonPath);
    if (values.length === 0) return null;
    if (printer.type === 'date') return ageOf(String(values[0]), now);
    return values.length === 1 ? values[0] : values.map((value) => (typeof value === 'object' ? JSON.stringify(value) : String(value))).join(',');
  };
}

function printerColumns(printers: PrinterColumn[]): Column[] {
  const columns = printers.map((printer) =>
    column(printer.name, cellOfPrinterColumn(printer), { type: printer.type, format: printer.format ?? '', priority: printer.priority ?? 0 }),
  );
  return [nameColumn, ...columns];
}

export function columnsFor(type: ResourceType): Column[] {
  if (type.printerColumns?.length) return printerColumns(type.printerColumns);
  if (type.schema) return [nameColumn, ageColumn];
  return columnsByResource[resourceKey(type)] ?? [nameColumn, ageColumn];
}
