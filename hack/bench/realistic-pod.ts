/**
 * A pod as a real cluster stores it, about 8 KB of JSON: a ReplicaSet owner, managedFields of the
 * controller-manager and the kubelet, three containers with env, ports, probes and mounts, and a
 * Running status. The scale benchmarks fill the local API server with tens of thousands of these.
 */
import type { KubeObject } from '../kube-apiserver/resource-type.js';

export interface PodPlacement {
  namespace: string;
  name: string;
  uid: string;
  nodeName: string;
  hostIp: string;
  podIp: string;
  annotations: Record<string, string>;
  /** Extra status conditions (podeip's own, on pods it bound). */
  conditions?: object[];
}

const CREATED = '2026-11-01T08:00:00Z';
const CONTAINERS = ['app', 'metrics-sidecar', 'log-shipper'];

export function realisticPod(placement: PodPlacement): KubeObject {
  const app = placement.name.replace(/-[^-]+-[^-]+$/, '');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: placement.name,
      generateName: `${app}-7d9f8c6b5-`,
      namespace: placement.namespace,
      uid: placement.uid,
      creationTimestamp: CREATED,
      labels: { app, 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': 'game-fleet', 'pod-template-hash': '7d9f8c6b5', tier: 'backend' },
      annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9102', 'kubectl.kubernetes.io/restartedAt': CREATED, ...placement.annotations },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-7d9f8c6b5`, uid: `rs-${app}`, controller: true, blockOwnerDeletion: true }],
      managedFields: [
        { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'v1', time: CREATED, fieldsType: 'FieldsV1', fieldsV1: specFields() },
        { manager: 'kubelet', operation: 'Update', apiVersion: 'v1', time: CREATED, fieldsType: 'FieldsV1', subresource: 'status', fieldsV1: statusFields(placement.podIp) },
      ],
    },
    spec: {
      containers: CONTAINERS.map((name, index) => container(name, index)),
      volumes: [
        { name: 'config', configMap: { name: `${app}-config`, defaultMode: 420 } },
        { name: 'kube-api-access', projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }], defaultMode: 420 } },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      nodeName: placement.nodeName,
      schedulerName: 'default-scheduler',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
    },
    status: {
      phase: 'Running',
      conditions: [
        ...['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: CREATED })),
        ...(placement.conditions ?? []),
      ],
      hostIP: placement.hostIp,
      hostIPs: [{ ip: placement.hostIp }],
      podIP: placement.podIp,
      podIPs: [{ ip: placement.podIp }],
      startTime: CREATED,
      containerStatuses: CONTAINERS.map((name, index) => ({
        name,
        state: { running: { startedAt: CREATED } },
        lastState: {},
        ready: true,
        restartCount: 0,
        image: imageOf(index),
        imageID: `docker.io/library/${imageOf(index)}@sha256:${'0123456789abcdef'.repeat(4)}`,
        containerID: `containerd://${placement.uid.replace(/-/g, '')}${index}`,
        started: true,
      })),
      qosClass: 'Burstable',
    },
  } as KubeObject;
}

function imageOf(index: number): string {
  return ['game-server:1.42.0', 'statsd-exporter:0.26.1', 'fluent-bit:3.1.9'][index]!;
}

function container(name: string, index: number): object {
  return {
    name,
    image: imageOf(index),
    ports: [{ name: index === 0 ? 'game' : 'metrics', containerPort: 7000 + index, protocol: index === 0 ? 'UDP' : 'TCP' }],
    env: ['REGION', 'SHARD', 'LOG_LEVEL', 'MAX_PLAYERS', 'TICK_RATE'].map((key) => ({ name: `${name.toUpperCase().replace(/-/g, '_')}_${key}`, value: `value-of-${key.toLowerCase()}` })),
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
    volumeMounts: [
      { name: 'config', mountPath: '/etc/game', readOnly: true },
      { name: 'kube-api-access', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
    ],
    readinessProbe: { httpGet: { path: '/ready', port: 8080, scheme: 'HTTP' }, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: 'IfNotPresent',
  };
}

function specFields(): object {
  const containerFields = Object.fromEntries(
    CONTAINERS.map((name) => [`k:{"name":"${name}"}`, { '.': {}, 'f:env': {}, 'f:image': {}, 'f:imagePullPolicy': {}, 'f:name': {}, 'f:ports': {}, 'f:readinessProbe': {}, 'f:resources': {}, 'f:terminationMessagePath': {}, 'f:volumeMounts': {} }]),
  );
  return {
    'f:metadata': { 'f:generateName': {}, 'f:labels': { '.': {}, 'f:app': {}, 'f:pod-template-hash': {}, 'f:tier': {} }, 'f:ownerReferences': { '.': {}, 'k:{"uid":"rs"}': {} } },
    'f:spec': { 'f:containers': containerFields, 'f:dnsPolicy': {}, 'f:enableServiceLinks': {}, 'f:restartPolicy': {}, 'f:schedulerName': {}, 'f:terminationGracePeriodSeconds': {}, 'f:volumes': {} },
  };
}

function statusFields(podIp: string): object {
  return {
    'f:status': {
      'f:conditions': Object.fromEntries(['ContainersReady', 'Initialized', 'PodReadyToStartContainers', 'Ready'].map((type) => [`k:{"type":"${type}"}`, { '.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {} }])),
      'f:containerStatuses': {},
      'f:hostIP': {},
      'f:hostIPs': {},
      'f:phase': {},
      'f:podIP': {},
      'f:podIPs': { '.': {}, [`k:{"ip":"${podIp}"}`]: { '.': {}, 'f:ip': {} } },
      'f:startTime': {},
    },
  };
}
