/**
 * One chaos run against one provider: the world (API server, workloads, emulator), two leader-elected
 * `podeip run` processes, the workloads, a settled start, the fault phase, then faults off and a
 * convergence window; the result is read from the emulator's addresses and calls and the API server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_PROVIDERS, type BenchProvider, type BenchProviderName } from '../bench/bench-providers.js';
import { startBenchWorld, type BenchWorld } from '../bench/bench-world.js';
import { callsBetween, type CallTally } from '../bench/call-counts.js';
import { SeededRandom } from '../network/seeded-random.js';
import { sandboxCredentials } from '../sandbox/credentials.js';
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { CloudFaults } from './cloud-faults.js';
import { churnedDeployment, keptStatefulSet, NAMESPACE, STATIC_ADDRESSES, staticDeployment } from './chaos-workloads.js';
import { ControllerReplicas } from './controller-replicas.js';
import { runFaultPhase, type DisruptionCounts } from './fault-phase.js';
import { allHold, invariantCounts, invariantsOf, type ClusterTruth, type Invariants } from './invariants.js';

export const CLUSTER_ID = 'chaos';
const START_CAP_MS = 120_000;
const POLL_MS = 500;

export interface ChaosOptions {
  provider: BenchProviderName;
  durationSeconds: number;
  seed: number;
  replicas: number;
}

export interface ChaosResult extends ChaosOptions {
  disruptions: DisruptionCounts;
  /** How many long-tail codes each write action drew from. */
  failingCodes: Record<string, number>;
  /** From faults off until every invariant held and every pod ran; null when the cap passed first. */
  convergedAfterSeconds: number | null;
  convergenceCapSeconds: number;
  invariants: Record<keyof Invariants, number>;
  /** What breaks each invariant (empty lists when all hold). */
  broken: Invariants;
  /** Every cloud call of the run by action, and the rejected ones by code. */
  cloudCalls: CallTally;
  final: { pods: number; claims: number; addresses: number };
  /** The controllers' logs, kept when an invariant is broken. */
  logFolder?: string;
}

export async function runChaos(options: ChaosOptions, progress: (line: string) => void): Promise<ChaosResult> {
  const provider = BENCH_PROVIDERS[options.provider];
  const random = new SeededRandom(options.seed);
  const logFolder = await mkdtemp(join(tmpdir(), `podeip-chaos-${provider.name}-`));
  progress(`${provider.name}: starting API server, workload simulation, emulator and two podeip replicas (logs in ${logFolder})`);
  const world = await startBenchWorld(provider, 8 * options.replicas);
  const replicas = new ControllerReplicas({ args: await controllerArgs(world, provider, logFolder), env: sandboxCredentials(provider.name), logFolder });
  try {
    const staticAddressIds = Array.from({ length: STATIC_ADDRESSES }, (_, index) => world.cloud.admin.createAddress({ name: `chaos-static-${index}` }).addressId);
    await waitFor(() => replicas.leader(), START_CAP_MS, 'a replica to lead');
    await applyWorkloads(world, provider, options.replicas, staticAddressIds);
    const truth = () => readTruth(world, staticAddressIds);
    await waitFor(async () => converged(await truth()), START_CAP_MS, 'the workloads to bind before the faults');
    const before = world.cloud.admin.calls();
    const cloudFaults = new CloudFaults(world.cloud, provider, random);
    progress(`${provider.name}: ${options.durationSeconds} s of faults (seed ${options.seed})`);
    const disruptions = await runFaultPhase(
      { apiServer: world.apiServer, core: world.core, apps: world.apps, replicas, cloudFaults, random, maxReplicas: 2 * options.replicas, progress },
      options.durationSeconds * 1000,
    ).finally(() => cloudFaults.stop());
    const capSeconds = Math.max(120, options.durationSeconds);
    progress(`${provider.name}: faults off; waiting up to ${capSeconds} s for convergence`);
    const convergedAfterSeconds = await secondsUntil(async () => converged(await truth()), capSeconds * 1000);
    const final = await truth();
    const broken = invariantsOf(final);
    const result: ChaosResult = {
      ...options,
      disruptions,
      failingCodes: cloudFaults.codeCounts(),
      convergedAfterSeconds,
      convergenceCapSeconds: capSeconds,
      invariants: invariantCounts(broken),
      broken,
      cloudCalls: callsBetween(before, world.cloud.admin.calls()),
      final: { pods: final.pods.length, claims: final.claims.length, addresses: final.addresses.length },
    };
    if (allHold(broken)) await rm(logFolder, { recursive: true, force: true });
    else result.logFolder = logFolder;
    return result;
  } finally {
    await replicas.stop();
    await world.close();
  }
}

async function controllerArgs(world: BenchWorld, provider: BenchProvider, logFolder: string): Promise<string[]> {
  const kubeconfig = join(logFolder, 'kubeconfig');
  await world.apiServer.writeKubeconfig(kubeconfig);
  return [
    `--provider=${provider.name}`,
    `--region=${provider.region}`,
    `--cluster-id=${CLUSTER_ID}`,
    `--kubeconfig=${kubeconfig}`,
    `--cloud-endpoint=${world.cloud.endpoint}`,
    '--metrics-bind-address=127.0.0.1:0',
    '--health-probe-bind-address=127.0.0.1:0',
  ];
}

async function applyWorkloads(world: BenchWorld, provider: BenchProvider, replicas: number, staticAddressIds: string[]): Promise<void> {
  await world.apps.createNamespacedStatefulSet({ namespace: NAMESPACE, body: keptStatefulSet(provider, replicas) });
  await world.apps.createNamespacedDeployment({ namespace: NAMESPACE, body: churnedDeployment(provider, replicas) });
  for (const [index, addressId] of staticAddressIds.entries()) {
    await world.apps.createNamespacedDeployment({ namespace: NAMESPACE, body: staticDeployment(provider, index, addressId) });
  }
}

interface Truth extends ClusterTruth {
  /** The pods the workloads ask for now. */
  desiredPods: number;
}

async function readTruth(world: BenchWorld, staticAddressIds: string[]): Promise<Truth> {
  const [claims, pods, statefulSets, deployments] = await Promise.all([
    world.custom.listNamespacedCustomObject({ group: 'podeip.io', version: 'v1alpha1', namespace: NAMESPACE, plural: 'eipclaims' }) as Promise<{ items: EIPClaim[] }>,
    world.core.listNamespacedPod({ namespace: NAMESPACE }),
    world.apps.listNamespacedStatefulSet({ namespace: NAMESPACE }),
    world.apps.listNamespacedDeployment({ namespace: NAMESPACE }),
  ]);
  const desiredPods = [...statefulSets.items, ...deployments.items].reduce((total, workload) => total + (workload.spec?.replicas ?? 0), 0);
  return { clusterId: CLUSTER_ID, addresses: world.cloud.admin.addresses(), staticAddressIds, claims: claims.items, pods: pods.items, desiredPods };
}

/** Every invariant holds and every workload runs exactly the pods it wants, none terminating. */
function converged(truth: Truth): boolean {
  const running = truth.pods.filter((pod) => pod.status?.phase === 'Running' && !pod.metadata?.deletionTimestamp);
  return running.length === truth.pods.length && running.length === truth.desiredPods && allHold(invariantsOf(truth));
}

async function waitFor<T>(probe: () => Promise<T | undefined | false>, capMs: number, what: string): Promise<T> {
  const deadline = Date.now() + capMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${capMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function secondsUntil(probe: () => Promise<boolean>, capMs: number): Promise<number | null> {
  const startedAt = Date.now();
  return waitFor(probe, capMs, 'convergence').then(
    () => Math.round((Date.now() - startedAt) / 100) / 10,
    () => null,
  );
}
