/**
 * N Bound claims as podeip leaves them, without N rate-limited binds first (issue 10 item 2): podeip
 * binds one pod for real, and that pod, its claim and its address are the template. With podeip
 * stopped, N − 1 more pods are created (the workload simulation gives them IPs), the cloud gets their
 * addresses in one admin call, and each claim and pod gets the template's status and outputs with
 * the names, uids, ids and IPs replaced. Writes go through podeip's own KubeApi, as the benchmark's user.
 */
import PQueue from 'p-queue';
import type { V1Pod, V1PodCondition } from '@kubernetes/client-node';
import type { AdminAddress } from '../cloud/common/index.js';
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { KubeApi, type PodConditionPatch } from '../../src/k8s/kube-api.js';
import { CLAIM_UID_TAG, NAME_TAG } from '../../src/lifecycle/address-book.js';
import { NAMESPACE, type PhaseContext } from './phase-context.js';
import { swapTokens } from './token-swap.js';

const PARALLEL_REQUESTS = 32;
const TEMPLATE = 'seed-0';

interface Template {
  pod: V1Pod;
  claim: EIPClaim;
  address: AdminAddress;
}

export async function seedBoundClaims(context: PhaseContext): Promise<void> {
  const template = await bindTemplate(context);
  await context.world.stopController();
  const names = Array.from({ length: context.pods - 1 }, (_, index) => `seed-${index + 1}`);
  context.progress(`seed: creating ${names.length} pods`);
  await inParallel(names, (name) => createPod(context, name));
  await context.podTimeline.until(`${names.length} seeded pods with an IP`, (pods) => names.every((name) => pods.get(name)?.status?.podIP), context.timeoutMs);
  const api = new KubeApi(context.world.kubeConfig);
  context.progress(`seed: creating ${names.length} claims`);
  const pods = names.map((name) => context.podTimeline.latest().find((pod) => pod.metadata?.name === name)!);
  const claims = await inParallel(pods, (pod) => api.createClaim(claimLike(template, pod)));
  context.progress(`seed: ${names.length} bound addresses in one admin call`);
  const eniOf = new Map(context.world.cloud.admin.enis().flatMap((eni) => eni.privateIps.map((ip) => [ip.address, eni.networkInterfaceId] as const)));
  const addresses = context.world.cloud.admin.createAddresses(claims.map((claim, index) => addressLike(template.address, claim, pods[index]!, eniOf)));
  context.progress('seed: claim statuses and pod outputs');
  await inParallel(claims, async (claim, index) => {
    const pod = pods[index]!;
    const replace = replacer(template, { claim, pod, address: addresses[index]! });
    await api.patchClaimStatus(NAMESPACE, claim.metadata.name, replace(template.claim.status!));
    await api.patchPodAnnotations(NAMESPACE, pod.metadata!.name!, pod.metadata!.uid!, replace(outputAnnotations(template)));
    await api.patchPodConditions(NAMESPACE, pod.metadata!.name!, pod.metadata!.uid!, replace(outputConditions(template)));
  });
}

/** podeip binds the first pod itself: what it writes is what every seeded claim and pod gets. */
async function bindTemplate(context: PhaseContext): Promise<Template> {
  const { world } = context;
  context.progress(`seed: podeip binds ${TEMPLATE}, the template`);
  await createPod(context, TEMPLATE);
  await context.claims.until(`${TEMPLATE} Bound`, (claims) => claims.get(TEMPLATE)?.status?.phase === 'Bound', context.timeoutMs);
  const claim = context.claims.latest().find((candidate) => candidate.metadata.name === TEMPLATE)!;
  const address = world.cloud.admin.addresses().find((candidate) => candidate.addressId === claim.status!.addressId)!;
  await context.podTimeline.until(`${TEMPLATE} showing its outputs`, (pods) => conditionsNamedBy(pods.get(TEMPLATE), address.publicIp).length > 0, context.timeoutMs);
  return { pod: context.podTimeline.latest().find((pod) => pod.metadata?.name === TEMPLATE)!, claim, address };
}

function createPod({ world, provider }: PhaseContext, name: string): Promise<V1Pod> {
  return world.core.createNamespacedPod({ namespace: NAMESPACE, body: { metadata: { name, annotations: provider.podAnnotations }, spec: { containers: [{ name: 'app', image: 'busybox' }] } } });
}

function claimLike({ claim }: Template, pod: V1Pod): EIPClaim {
  const { name, namespace, labels, annotations, finalizers, ownerReferences } = claim.metadata;
  const metadata = { name, namespace, labels, annotations, finalizers, ownerReferences };
  const pairs: Array<[string, string]> = [[claim.metadata.name, pod.metadata!.name!], [claim.status!.podUID!, pod.metadata!.uid!]];
  return swapTokens(JSON.stringify({ apiVersion: claim.apiVersion, kind: claim.kind, metadata, spec: claim.spec }), pairs) as EIPClaim;
}

/** The template's address bound to the pod's IP on the ENI that holds it, tagged for the seeded claim. */
function addressLike(template: AdminAddress, seeded: EIPClaim, pod: V1Pod, eniOf: Map<string, string>) {
  const tags = { ...template.tags, [CLAIM_UID_TAG]: seeded.metadata.uid, [NAME_TAG]: seeded.metadata.name };
  const privateIp = pod.status!.podIP!;
  return { tags, networkInterfaceId: eniOf.get(privateIp)!, privateIp, ...(template.name ? { name: template.name } : {}) };
}

function replacer(template: Template, seeded: { claim: EIPClaim; pod: V1Pod; address: AdminAddress }) {
  const from = template.claim.status!;
  const pairs: Array<[string, string]> = [
    [template.claim.metadata.name, seeded.claim.metadata.name],
    [from.addressId!, seeded.address.addressId],
    [from.publicIP!, seeded.address.publicIp],
    [from.privateIP!, seeded.address.privateIp!],
    [from.networkInterfaceId!, seeded.address.networkInterfaceId!],
    [from.podUID!, seeded.pod.metadata!.uid!],
  ];
  return <T>(value: T): T => swapTokens(JSON.stringify(value), pairs) as T;
}

/** What podeip wrote on the template pod: the annotations naming its address or public IP. */
function outputAnnotations({ pod, address }: Template): Record<string, string> {
  const annotations = Object.entries(pod.metadata?.annotations ?? {});
  return Object.fromEntries(annotations.filter(([, value]) => value.includes(address.publicIp) || value.includes(address.addressId)));
}

function outputConditions({ pod, address }: Template): PodConditionPatch[] {
  return conditionsNamedBy(pod, address.publicIp).map(({ type, status, reason, message, lastTransitionTime }) => ({
    type,
    status: status as 'True',
    reason: reason!,
    message: message!,
    lastTransitionTime: lastTransitionTime as unknown as string,
  }));
}

/** podeip's conditions on a bound pod say `public IP <ip>`. */
function conditionsNamedBy(pod: V1Pod | undefined, publicIp: string): V1PodCondition[] {
  return (pod?.status?.conditions ?? []).filter((condition) => condition.message === `public IP ${publicIp}`);
}

async function inParallel<T, R>(items: T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const queue = new PQueue({ concurrency: PARALLEL_REQUESTS });
  return Promise.all(items.map((item, index) => queue.add(() => work(item, index)) as Promise<R>));
}
