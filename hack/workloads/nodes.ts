/**
 * Registers the simulated nodes as Node objects, each backed by the shared PodNetwork so that the
 * cloud emulators show the same instances, ENIs and addresses.
 */
import { CoreV1Api, type KubeConfig, type V1Node, type V1NodeStatus } from '@kubernetes/client-node';
import type { NodeNetwork, PodNetwork } from '../network/pod-network.js';
import { isNodeReady } from './node-choice.js';
import { httpStatusOf, sameJson, wireTime } from './wire.js';

export async function registerNodes(kubeConfig: KubeConfig, network: PodNetwork, names: string[], now: Date): Promise<void> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  for (const name of names) {
    const node = nodeObject(network.addNode(name), now);
    const stored = await createOrReuse(core, node);
    if (!sameJson(stored.status?.addresses, node.status!.addresses) || !isNodeReady(stored)) {
      await core.replaceNodeStatus({ name, body: { ...stored, status: node.status } });
    }
  }
}

export function nodeNamesFor(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);
}

async function createOrReuse(core: CoreV1Api, node: V1Node): Promise<V1Node> {
  try {
    return await core.createNode({ body: node });
  } catch (error) {
    if (httpStatusOf(error) !== 409) throw error;
    return core.readNode({ name: node.metadata!.name! });
  }
}

function nodeObject(network: NodeNetwork, now: Date): V1Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: network.nodeName,
      labels: {
        'kubernetes.io/hostname': network.nodeName,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node.kubernetes.io/instance-id': network.instanceId,
      },
    },
    spec: { providerID: `sim:///${network.instanceId}` },
    status: nodeStatus(network, now),
  };
}

function nodeStatus(network: NodeNetwork, now: Date): V1NodeStatus {
  const resources = { cpu: '4', memory: '16Gi', pods: '110' };
  return {
    addresses: [
      { type: 'InternalIP', address: network.hostIp },
      { type: 'Hostname', address: network.nodeName },
    ],
    capacity: resources,
    allocatable: resources,
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'KubeletReady',
        message: 'kubelet is posting ready status',
        lastHeartbeatTime: wireTime(now),
        lastTransitionTime: wireTime(now),
      },
    ],
    nodeInfo: {
      architecture: 'amd64',
      operatingSystem: 'linux',
      osImage: 'podeip workload simulation',
      kernelVersion: '6.1.0',
      kubeletVersion: 'v1.32.0',
      kubeProxyVersion: 'v1.32.0',
      containerRuntimeVersion: 'containerd://1.7.0',
      bootID: '',
      machineID: network.instanceId,
      systemUUID: network.instanceId,
    },
  };
}
