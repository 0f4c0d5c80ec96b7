/**
 * The fault phase: every 0.5-2.5 s (seeded) one disruption, chosen by weight: SIGKILL the leader
 * (restarted at once), drop every watch, delete a pod of the run's workloads, or scale a workload;
 * before each, the cloud's failing codes are drawn anew. Cloud faults stay on for the whole phase.
 */
import type { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import type { KubeApiServer } from '../kube-apiserver/index.js';
import type { SeededRandom } from '../network/seeded-random.js';
import type { CloudFaults } from './cloud-faults.js';
import type { ControllerReplicas } from './controller-replicas.js';
import { NAMESPACE, SCALED_WORKLOADS } from './chaos-workloads.js';

export interface FaultPhaseWorld {
  apiServer: KubeApiServer;
  core: CoreV1Api;
  apps: AppsV1Api;
  replicas: ControllerReplicas;
  cloudFaults: CloudFaults;
  random: SeededRandom;
  /** Workloads are scaled to 1..maxReplicas pods. */
  maxReplicas: number;
  progress: (line: string) => void;
}

export type Disruption = 'leaderKills' | 'watchDrops' | 'podDeletions' | 'scalings';

export type DisruptionCounts = Record<Disruption, number>;

const WEIGHTS: Array<[Disruption, number]> = [
  ['leaderKills', 12],
  ['watchDrops', 12],
  ['podDeletions', 50],
  ['scalings', 26],
];

const DISRUPT: Record<Disruption, (world: FaultPhaseWorld) => Promise<string | undefined>> = {
  leaderKills: async (world) => {
    const killed = await world.replicas.killLeader();
    return killed && `SIGKILL leader ${killed}`;
  },
  watchDrops: async (world) => {
    world.apiServer.hooks.dropAllWatches();
    return 'dropped every watch';
  },
  podDeletions: deleteAPod,
  scalings: scaleAWorkload,
};

export async function runFaultPhase(world: FaultPhaseWorld, durationMs: number): Promise<DisruptionCounts> {
  const counts: DisruptionCounts = { leaderKills: 0, watchDrops: 0, podDeletions: 0, scalings: 0 };
  const endAt = Date.now() + durationMs;
  while (Date.now() < endAt) {
    await pause(500 + world.random.integerBelow(2_000));
    world.cloudFaults.rotate();
    const disruption = pick(world.random);
    const done = await DISRUPT[disruption](world).catch((error: Error) => world.progress(`  ${disruption} failed: ${error.message}`));
    if (!done) continue;
    counts[disruption] += 1;
    world.progress(`  ${done}`);
  }
  return counts;
}

function pick(random: SeededRandom): Disruption {
  let roll = random.integerBelow(WEIGHTS.reduce((total, [, weight]) => total + weight, 0));
  for (const [disruption, weight] of WEIGHTS) {
    if (roll < weight) return disruption;
    roll -= weight;
  }
  throw new Error('unreachable: the roll is below the total weight');
}

async function deleteAPod(world: FaultPhaseWorld): Promise<string | undefined> {
  const pods = (await world.core.listNamespacedPod({ namespace: NAMESPACE })).items.filter((pod) => !pod.metadata?.deletionTimestamp);
  const names = pods.map((pod) => pod.metadata!.name!).sort();
  if (names.length === 0) return undefined;
  const name = names[world.random.integerBelow(names.length)]!;
  await world.core.deleteNamespacedPod({ name, namespace: NAMESPACE });
  return `deleted pod ${name}`;
}

async function scaleAWorkload(world: FaultPhaseWorld): Promise<string> {
  const workload = SCALED_WORKLOADS[world.random.integerBelow(SCALED_WORKLOADS.length)]!;
  const replicas = 1 + world.random.integerBelow(world.maxReplicas);
  const body = { metadata: { name: workload.name, namespace: NAMESPACE }, spec: { replicas } };
  if (workload.kind === 'StatefulSet') await world.apps.replaceNamespacedStatefulSetScale({ name: workload.name, namespace: NAMESPACE, body });
  else await world.apps.replaceNamespacedDeploymentScale({ name: workload.name, namespace: NAMESPACE, body });
  return `scaled ${workload.kind} ${workload.name} to ${replicas}`;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
