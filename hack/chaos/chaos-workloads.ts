/**
 * What the chaos run serves: a StatefulSet whose pods keep their owned address (delete policy Never),
 * a Deployment whose pods' owned addresses end with them, and one single-pod Deployment per static
 * address (created out of band, as in the console), which podeip must bind and unbind but never release.
 */
import type { V1Deployment, V1StatefulSet } from '@kubernetes/client-node';
import type { BenchProvider, BenchProviderName } from '../bench/bench-providers.js';

export const NAMESPACE = 'default';
const KEPT = 'kept';
const CHURNED = 'churned';
export const STATIC_ADDRESSES = 2;

/** A workload the faults scale up and down. */
export interface ScaledWorkload {
  kind: 'StatefulSet' | 'Deployment';
  name: string;
}

export const SCALED_WORKLOADS: ScaledWorkload[] = [
  { kind: 'StatefulSet', name: KEPT },
  { kind: 'Deployment', name: CHURNED },
];

const ENDS_WITH_POD: Record<BenchProviderName, Record<string, string>> = {
  tencent: { 'tke.cloud.tencent.com/eip-attributes': '{"Bandwidth":"10"}' },
  alibaba: { 'k8s.aliyun.com/pod-with-eip': 'true', 'k8s.aliyun.com/eip-bandwidth': '10M' },
};

const STATIC_ANNOTATION: Record<BenchProviderName, string> = {
  tencent: 'tke.cloud.tencent.com/eip-id-list',
  alibaba: 'k8s.aliyun.com/pod-eip-instanceid',
};

export function keptStatefulSet(provider: BenchProvider, replicas: number): V1StatefulSet {
  const labels = { app: KEPT };
  return {
    metadata: { name: KEPT, namespace: NAMESPACE },
    spec: { replicas, serviceName: KEPT, selector: { matchLabels: labels }, template: podTemplate(labels, provider.podAnnotations) },
  };
}

export function churnedDeployment(provider: BenchProvider, replicas: number): V1Deployment {
  return deployment(CHURNED, replicas, ENDS_WITH_POD[provider.name]);
}

export function staticDeployment(provider: BenchProvider, index: number, addressId: string): V1Deployment {
  return deployment(`static-${index}`, 1, { [STATIC_ANNOTATION[provider.name]]: addressId });
}

function deployment(name: string, replicas: number, annotations: Record<string, string>): V1Deployment {
  const labels = { app: name };
  return { metadata: { name, namespace: NAMESPACE }, spec: { replicas, selector: { matchLabels: labels }, template: podTemplate(labels, annotations) } };
}

function podTemplate(labels: Record<string, string>, annotations: Record<string, string>) {
  return { metadata: { labels, annotations }, spec: { containers: [{ name: 'app', image: 'busybox' }] } };
}
