/**
 * Everything the benchmark runs against, in this process on loopback: the local API server, the
 * workload simulation, the cloud emulator sharing its VPC model, and podeip itself. The controller
 * talks to the API server under its own token, so the request log tells its requests apart.
 */
import { CustomObjectsApi, KubeConfig, AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { pino } from 'pino';
import { startKubeApiServer, type KubeApiServer } from '../kube-apiserver/index.js';
import { startWorkloadSimulation, type WorkloadSimulation } from '../workloads/index.js';
import type { CloudEmulator } from '../cloud/common/index.js';
import { PodNetwork } from '../network/pod-network.js';
import { applyManifestFiles } from '../sandbox/apply-manifests.js';
import { sandboxCredentials } from '../sandbox/credentials.js';
import { findRepoRoot } from '../sandbox/repo-root.js';
import { startController, type RunningController } from '../../src/manager/start-controller.js';
import type { BenchProvider } from './bench-providers.js';

export const CONTROLLER_USER = 'podeip-controller';
export const BENCH_USER = 'podeip-bench';
export const CLUSTER_ID = 'bench';
const CRD_FILES = ['podeip.io_eipclaims.yaml', 'podeip.io_eippools.yaml'].map((file) => `${findRepoRoot(import.meta.url)}/crds/${file}`);
/** Watch history long enough that no informer has to relist during a run of a few thousand pods. */
const RETAINED_EVENTS = 200_000;

export interface BenchWorld {
  readonly apiServer: KubeApiServer;
  readonly cloud: CloudEmulator;
  /** The benchmark's own client configuration (its requests are not the controller's). */
  readonly kubeConfig: KubeConfig;
  readonly apps: AppsV1Api;
  readonly core: CoreV1Api;
  readonly custom: CustomObjectsApi;
  controller: RunningController | undefined;
  startController(): Promise<RunningController>;
  stopController(): Promise<void>;
  close(): Promise<void>;
}

export async function startBenchWorld(provider: BenchProvider, pods: number): Promise<BenchWorld> {
  Object.assign(process.env, sandboxCredentials(provider.name));
  const stack: Array<() => Promise<unknown>> = [];
  const closeAll = async () => {
    for (const close of stack.reverse()) await close().catch(() => undefined);
  };
  try {
    const apiServer = await startKubeApiServer({ retainedEvents: RETAINED_EVENTS });
    stack.push(() => apiServer.close());
    await applyManifestFiles(apiServer.kubeConfig(), CRD_FILES);
    const network = new PodNetwork({ idStyle: provider.name });
    const cloud = await provider.startEmulator(network, 2 * pods + 20);
    stack.push(() => cloud.close());
    const workloads: WorkloadSimulation = await startWorkloadSimulation({ kubeConfig: apiServer.kubeConfig(), network, nodes: Math.max(3, Math.ceil(pods / 100)), terminationCapSeconds: 0 });
    stack.push(() => workloads.stop());
    const kubeConfig = kubeConfigAs(apiServer.url, BENCH_USER);
    const world: BenchWorld = {
      apiServer,
      cloud,
      kubeConfig,
      apps: kubeConfig.makeApiClient(AppsV1Api),
      core: kubeConfig.makeApiClient(CoreV1Api),
      custom: kubeConfig.makeApiClient(CustomObjectsApi),
      controller: undefined,
      async startController() {
        world.controller = await startController({
          kubeConfig: kubeConfigAs(apiServer.url, CONTROLLER_USER),
          provider: provider.name,
          region: provider.region,
          clusterId: CLUSTER_ID,
          cloudEndpoint: cloud.endpoint,
          metricsBindAddress: '127.0.0.1:0',
          healthProbeBindAddress: '127.0.0.1:0',
          logger: pino({ level: process.env.PODEIP_BENCH_LOG ?? 'silent' }),
        });
        await world.controller.reconciling;
        return world.controller;
      },
      async stopController() {
        await world.controller?.stop();
        world.controller = undefined;
      },
      close: async () => {
        await world.stopController();
        await closeAll();
      },
    };
    return world;
  } catch (error) {
    await closeAll();
    throw error;
  }
}

export function kubeConfigAs(server: string, user: string): KubeConfig {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'local', server, skipTLSVerify: true }],
    users: [{ name: user, token: user }],
    contexts: [{ name: 'local', cluster: 'local', user, namespace: 'default' }],
    currentContext: 'local',
  });
  return config;
}
