/** The defaults kube-apiserver fills in on create for the fields podeip, kubectl and the workload simulation read. */
import type { KubeObject } from './resource-type.js';

function imagePullPolicyOf(image: string | undefined): string {
  const tag = /:([^/:@]+)$/.exec(image ?? '')?.[1];
  return !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultPodSpec(spec: KubeObject): KubeObject {
  return {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    schedulerName: 'default-scheduler',
    enableServiceLinks: true,
    ...spec,
    containers: (spec.containers ?? []).map((container: KubeObject) => ({
      imagePullPolicy: imagePullPolicyOf(container.image),
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      ...container,
    })),
  };
}

function defaultTemplate(spec: KubeObject): KubeObject {
  const template = spec.template ?? {};
  return { ...spec, template: { ...template, spec: defaultPodSpec(template.spec ?? {}) } };
}

const rollingUpdate = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } };

type Defaulter = (object: KubeObject) => KubeObject;

const defaulters: Record<string, Defaulter> = {
  '/pods': (pod) => ({ ...pod, spec: defaultPodSpec(pod.spec ?? {}), status: { phase: 'Pending', qosClass: 'BestEffort' } }),
  '/namespaces': (namespace) => ({
    ...namespace,
    metadata: {
      ...namespace.metadata,
      labels: { ...namespace.metadata.labels, 'kubernetes.io/metadata.name': namespace.metadata.name },
    },
    spec: { ...namespace.spec, finalizers: [...new Set([...(namespace.spec?.finalizers ?? []), 'kubernetes'])] },
    status: { phase: 'Active' },
  }),
  'apps/statefulsets': (set) => ({
    ...set,
    spec: defaultTemplate({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      ...set.spec,
    }),
    status: { replicas: 0, availableReplicas: 0 },
  }),
  'apps/deployments': (deployment) => ({
    ...deployment,
    spec: defaultTemplate({ replicas: 1, strategy: rollingUpdate, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, ...deployment.spec }),
    status: {},
  }),
  'apps/replicasets': (set) => ({ ...set, spec: defaultTemplate({ replicas: 1, ...set.spec }), status: { replicas: 0 } }),
};

export function withCreateDefaults(resource: string, object: KubeObject): KubeObject {
  const defaulter = defaulters[resource];
  return defaulter ? defaulter(object) : object;
}
