/**
 * A local API server with the workload simulation running against it, plus an informer cache the
 * tests wait on: waitFor re-checks its condition on every watch event, so no test sleeps.
 */
import { AppsV1Api, CoreV1Api, type KubernetesObject, type ListWatch } from '@kubernetes/client-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKubeApiServer, type KubeApiServer } from '../../hack/kube-apiserver/index.js';
import { PodNetwork } from '../../hack/network/pod-network.js';
import { startWorkloadSimulation, type WorkloadSimulation, type WorkloadSimulationOptions } from '../../hack/workloads/index.js';
import { ClusterInformers } from '../../hack/workloads/informers.js';

type SimulationTuning = Omit<WorkloadSimulationOptions, 'kubeConfig' | 'network'>;

export interface SimulatedCluster {
  server: KubeApiServer;
  network: PodNetwork;
  simulation: WorkloadSimulation;
  core: CoreV1Api;
  apps: AppsV1Api;
  cache: ClusterInformers;
  kubeconfigPath: string;
  waitFor<T>(description: string, check: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export async function startSimulatedCluster(tuning: SimulationTuning = {}): Promise<SimulatedCluster> {
  const server = await startKubeApiServer();
  const kubeConfig = server.kubeConfig();
  const network = new PodNetwork();
  const simulation = await startWorkloadSimulation({ kubeConfig, network, terminationCapSeconds: 0.2, ...tuning });
  const cache = new ClusterInformers(kubeConfig);
  const waiters = new Set<() => void>();
  for (const informer of [cache.pods, cache.statefulSets, cache.replicaSets, cache.deployments] as ListWatch<KubernetesObject>[]) {
    informer.on('change', () => waiters.forEach((recheck) => recheck()));
  }
  await cache.start();
  const directory = mkdtempSync(join(tmpdir(), 'podeip-workloads-'));
  const kubeconfigPath = join(directory, 'kubeconfig');
  await server.writeKubeconfig(kubeconfigPath);

  const waitFor = <T>(description: string, check: () => T | undefined | false, timeoutMs = 10_000) =>
    new Promise<T>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        waiters.delete(recheck);
      };
      const recheck = () => {
        const value = check();
        if (value === undefined || value === false) return;
        finish();
        resolve(value);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out waiting for ${description}`));
      }, timeoutMs);
      waiters.add(recheck);
      recheck();
    });

  return {
    server,
    network,
    simulation,
    core: kubeConfig.makeApiClient(CoreV1Api),
    apps: kubeConfig.makeApiClient(AppsV1Api),
    cache,
    kubeconfigPath,
    waitFor,
    stop: async () => {
      await cache.stop();
      await simulation.stop();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
