/**
 * A large cluster that is already settled: N realistic pods, the first `claims` of them asking for an
 * address and holding a Bound claim whose address the emulated cloud has bound to the pod's IP.
 * The first such pod is bound by podeip itself (in this process); every other one is a copy of what
 * podeip wrote for it (claim, pod outputs, cloud tags) with the names, ids and IPs swapped, so the
 * seeded state is exactly what podeip leaves behind and a fresh controller has nothing to write.
 * Objects go straight into the API server's store: 50,000 pods take seconds rather than minutes.
 */
import { CoreV1Api, CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import { pino } from 'pino';
import type { AdminAddress, CloudEmulator, CreateAddressInput } from '../cloud/common/index.js';
import type { KubeApiServer } from '../kube-apiserver/index.js';
import type { KubeObject } from '../kube-apiserver/resource-type.js';
import type { PodNetwork } from '../network/pod-network.js';
import { startController } from '../../src/manager/start-controller.js';
import { GROUP, PLURAL, VERSION, type EIPClaim } from '../../src/k8s/eipclaim.js';
import type { BenchProvider } from './bench-providers.js';
import { pollUntil } from './poll-until.js';
import { type PodPlacement, realisticPod } from './realistic-pod.js';
import { swapTokens } from './token-swap.js';

export interface ClusterPlan {
  pods: number;
  /** How many of the pods ask for an address and hold a Bound claim (at least 1). */
  claims: number;
}

export interface SeedTarget {
  apiServer: KubeApiServer;
  cloud: CloudEmulator;
  network: PodNetwork;
  provider: BenchProvider;
  clusterId: string;
  /** podeip's identity for the template bind. */
  controllerKubeConfig: KubeConfig;
}

const NAMESPACE = 'default';
const PODS_PER_NODE = 200;
const BATCH = 2_000;

/** What podeip wrote for the template pod, and the values to swap in each copy. */
interface Template {
  claim: string;
  address: AdminAddress;
  podOutputs: string;
  podConditions: string;
  swapped: Identity;
}

interface Copy {
  index: number;
  identity: Identity;
}

interface Identity {
  name: string;
  uid: string;
  podIp: string;
  networkInterfaceId: string;
  addressId: string;
  publicIp: string;
}

export async function seedCluster(target: SeedTarget, plan: ClusterPlan, progress: (line: string) => void): Promise<void> {
  const template = await bindTemplate(target);
  progress(`template pod bound by podeip; seeding ${plan.claims - 1} more claims and ${plan.pods - plan.claims} pods without a request`);
  for (let first = 1; first < plan.claims; first += BATCH) {
    const copies = newCopies(target, template, first, Math.min(BATCH, plan.claims - first));
    seed(target, '/pods', copies.map((copy) => copiedPod(target, template, copy)));
    seed(target, `${GROUP}/${PLURAL}`, copies.map((copy) => swapped(template.claim, template.swapped, copy.identity) as KubeObject));
  }
  for (let first = plan.claims; first < plan.pods; first += BATCH) {
    const count = Math.min(BATCH, plan.pods - first);
    seed(target, '/pods', Array.from({ length: count }, (_, offset) => realisticPod(plainPlacement(first + offset))));
  }
}

/** Binds pod 0 with podeip (in-process) and reads back what it wrote. */
async function bindTemplate(target: SeedTarget): Promise<Template> {
  const assignment = target.network.assignPodIp(nodeFor(target, 0));
  const placement: PodPlacement = { ...placementOf(0, assignment.nodeName, assignment.hostIp, assignment.privateIp), annotations: target.provider.podAnnotations };
  seed(target, '/pods', [realisticPod(placement)]);
  const controller = await startController({
    kubeConfig: target.controllerKubeConfig,
    provider: target.provider.name,
    region: target.provider.region,
    clusterId: target.clusterId,
    cloudEndpoint: target.cloud.endpoint,
    metricsBindAddress: '127.0.0.1:0',
    healthProbeBindAddress: '127.0.0.1:0',
    logger: pino({ level: 'silent' }),
  });
  const core = target.controllerKubeConfig.makeApiClient(CoreV1Api);
  const custom = target.controllerKubeConfig.makeApiClient(CustomObjectsApi);
  try {
    const pod = await pollUntil('the template pod bound and annotated', 60_000, async () => {
      const read = await core.readNamespacedPod({ namespace: NAMESPACE, name: placement.name });
      return read.status?.conditions?.some((condition) => condition.type === 'podeip.io/eip-bound' && condition.status === 'True') ? read : undefined;
    });
    const claim = (await custom.getNamespacedCustomObject({ group: GROUP, version: VERSION, namespace: NAMESPACE, plural: PLURAL, name: placement.name })) as EIPClaim;
    const address = target.cloud.admin.addresses().find((candidate) => candidate.addressId === claim.status!.addressId)!;
    const seeded = new Set(Object.keys(realisticPod(placement).metadata.annotations ?? {}));
    const outputs = Object.fromEntries(Object.entries(pod.metadata!.annotations ?? {}).filter(([key]) => !seeded.has(key)));
    const ownConditions = (pod.status!.conditions ?? []).filter((condition) => condition.type.includes('/') || condition.type.includes('.'));
    const { resourceVersion: _dropped, ...metadata } = claim.metadata;
    return {
      claim: JSON.stringify({ ...claim, metadata }),
      address,
      podOutputs: JSON.stringify(outputs),
      podConditions: JSON.stringify(ownConditions),
      swapped: { name: placement.name, uid: placement.uid, podIp: assignment.privateIp, networkInterfaceId: assignment.networkInterfaceId, addressId: address.addressId, publicIp: address.publicIp },
    };
  } finally {
    await controller.stop();
  }
}

/** Pod IPs on the emulated ENIs, and an address bound to each (one admin call per batch). */
function newCopies(target: SeedTarget, template: Template, first: number, count: number): Copy[] {
  const placed = Array.from({ length: count }, (_, offset) => {
    const index = first + offset;
    const assignment = target.network.assignPodIp(nodeFor(target, index));
    return { index, assignment };
  });
  const inputs: CreateAddressInput[] = placed.map(({ index, assignment }) => ({
    tags: swapped(JSON.stringify(template.address.tags), template.swapped, { ...template.swapped, name: podName(index), uid: podUid(index) }) as Record<string, string>,
    networkInterfaceId: assignment.networkInterfaceId,
    privateIp: assignment.privateIp,
  }));
  const addresses = target.cloud.admin.createAddresses(inputs);
  return placed.map(({ index, assignment }, offset) => ({
    index,
    identity: {
      name: podName(index),
      uid: podUid(index),
      podIp: assignment.privateIp,
      networkInterfaceId: assignment.networkInterfaceId,
      addressId: addresses[offset]!.addressId,
      publicIp: addresses[offset]!.publicIp,
    },
  }));
}

function copiedPod(target: SeedTarget, template: Template, { index, identity }: Copy): KubeObject {
  const node = target.network.node(nodeFor(target, index))!;
  return realisticPod({
    ...placementOf(index, node.nodeName, node.hostIp, identity.podIp),
    annotations: { ...target.provider.podAnnotations, ...(swapped(template.podOutputs, template.swapped, identity) as Record<string, string>) },
    conditions: swapped(template.podConditions, template.swapped, identity) as object[],
  });
}

/** The template's JSON with each of its identity's values replaced by the copy's. */
function swapped(json: string, from: Identity, to: Identity): unknown {
  return swapTokens(json, (Object.keys(from) as Array<keyof Identity>).map((field) => [from[field], to[field]]));
}

function seed(target: SeedTarget, resource: string, objects: KubeObject[]): void {
  target.apiServer.hooks.seedObjects(resource, objects);
}

function nodeFor(target: SeedTarget, index: number): string {
  const name = `eip-node-${Math.floor(index / PODS_PER_NODE)}`;
  target.network.addNode(name);
  return name;
}

const podName = (index: number) => `game-7d9f8c6b5-${String(index).padStart(6, '0')}`;
const podUid = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

function placementOf(index: number, nodeName: string, hostIp: string, podIp: string): PodPlacement {
  return { namespace: NAMESPACE, name: podName(index), uid: podUid(index), nodeName, hostIp, podIp, annotations: {} };
}

/** A pod on a node podeip never looks at, with an IP outside the emulated ENIs. */
function plainPlacement(index: number): PodPlacement {
  const name = `web-5c8d7f9b4-${String(index).padStart(6, '0')}`;
  return { namespace: NAMESPACE, name, uid: podUid(index), nodeName: `node-${index % 500}`, hostIp: `10.250.${index % 250}.1`, podIp: `10.${100 + (index >> 16)}.${(index >> 8) & 255}.${index & 255}`, annotations: {} };
}
