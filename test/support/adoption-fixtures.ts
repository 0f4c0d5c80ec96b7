/**
 * Bindings another controller (ipamd, Terway, ack-extend) made before podeip arrives, seeded in a
 * Harness world: running pods with that controller's annotations, addresses bound to their IPs
 * through the emulator's admin API, PodEIPs on the local API server; and `podeip adopt` run as
 * the CLI runs it, its output captured.
 */
import type { AdminAddress } from '../../hack/cloud/common/index.js';
import type { AdoptSource } from '../../src/adopt/adoption-sources.js';
import { podeip } from '../../src/cli/podeip.js';
import { PODEIP_API_VERSION, PODEIP_GROUP, PODEIP_KIND, PODEIP_PLURAL, PODEIP_VERSION, type PodEIPAllocType } from '../../src/compat/podeip-resource.js';
import { CLUSTER_ID, eventually, NAMESPACE, type Harness } from '../integration/harness.js';

/** The pod's IP once the simulated kubelet gave it one. */
export async function runningPodIp(world: Harness, name: string): Promise<string> {
  return eventually(`pod ${name} running with an IP`, async () => {
    const pod = await world.pod(name);
    return pod?.status?.phase === 'Running' && pod.status.podIP;
  });
}

/** A pod asking for an owned address, and an address bound to its IP as the old controller left it. */
export async function seedOwnedBinding(world: Harness, name: string, annotations: Record<string, string>): Promise<AdminAddress> {
  await world.createPod(name, annotations);
  const privateIp = await runningPodIp(world, name);
  return world.cloud.admin.createAddress({ networkInterfaceId: eniHolding(world, privateIp), privateIp });
}

/** An existing address, a pod naming it (`annotationsFor(id)`), and the address bound to the pod's IP. */
export async function seedStaticBinding(world: Harness, name: string, annotationsFor: (addressId: string) => Record<string, string>): Promise<AdminAddress> {
  const { addressId } = world.cloud.admin.createAddress({});
  await world.createPod(name, annotationsFor(addressId));
  const privateIp = await runningPodIp(world, name);
  const provider = await world.directProvider();
  try {
    await provider.associate(addressId, { networkInterfaceId: eniHolding(world, privateIp), privateIp });
  } finally {
    provider.close();
  }
  return eventually(`${addressId} bound to ${privateIp}`, () => {
    const address = world.address(addressId);
    return address?.privateIp === privateIp && address.status === world.row.status.bound && address;
  });
}

/** ack-extend's PodEIP for a pod, as that controller writes it (no podeip annotation). */
export async function createAckExtendPodEip(world: Harness, name: string, address: AdminAddress, type: PodEIPAllocType): Promise<void> {
  await world.custom.createNamespacedCustomObject({
    group: PODEIP_GROUP,
    version: PODEIP_VERSION,
    plural: PODEIP_PLURAL,
    namespace: NAMESPACE,
    body: {
      apiVersion: PODEIP_API_VERSION,
      kind: PODEIP_KIND,
      metadata: { name, namespace: NAMESPACE },
      spec: { allocationID: address.addressId, allocationType: { type, releaseStrategy: 'Follow' } },
    },
  });
}

function eniHolding(world: Harness, privateIp: string): string {
  const eni = world.cloud.admin.enis().find((candidate) => candidate.privateIps.some((ip) => ip.address === privateIp));
  if (!eni) throw new Error(`no ENI holds ${privateIp}`);
  return eni.networkInterfaceId;
}

export interface AdoptRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The plan's rows, each split into its cells. */
  rows: string[][];
}

/** `podeip adopt --from SOURCE` with the world's cloud access flags (and the admin kubeconfig), in-process. */
export async function runAdopt(world: Harness, source: AdoptSource, ...extra: string[]): Promise<AdoptRun> {
  let stdout = '';
  let stderr = '';
  const args = [
    'adopt',
    `--from=${source}`,
    `--provider=${world.row.name}`,
    `--region=${world.row.region}`,
    `--cluster-id=${CLUSTER_ID}`,
    `--kubeconfig=${world.kubeconfigPath}`,
    `--cloud-endpoint=${world.cloud.endpoint}`,
    ...extra,
  ];
  const code = await podeip(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  const tableLines = stdout.split('\n').filter((line) => line.startsWith(`${NAMESPACE}/`));
  return { code, stdout, stderr, rows: tableLines.map((line) => line.split(/ {2,}/)) };
}

/** Emulator call counts of these actions, summed over result codes. */
export function callCounts(world: Harness, actions: string[]): Record<string, number> {
  return Object.fromEntries(actions.map((action) => [action, world.calls(action)]));
}
