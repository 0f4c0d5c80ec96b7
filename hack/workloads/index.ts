/**
 * The workload simulation: what kube-scheduler, the kubelets and kube-controller-manager would do
 * for the local API server, as HTTP clients of it. See README.md for what is and is not simulated.
 */
import { AppsV1Api, CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { systemClock, type Clock } from '../../src/clock/clock.js';
import type { PodNetwork } from '../network/pod-network.js';
import { DeploymentController } from './deployment-controller.js';
import { ClusterInformers } from './informers.js';
import { Kubelets } from './kubelet.js';
import { nodeNamesFor, registerNodes } from './nodes.js';
import { ReplicaSetController } from './replicaset-controller.js';
import { Scheduler } from './scheduler.js';
import { StatefulSetController } from './statefulset-controller.js';

export { EXIT_AFTER_ANNOTATION, EXIT_PHASE_ANNOTATION } from './kubelet.js';

export interface WorkloadSimulationOptions {
  kubeConfig: KubeConfig;
  /** The VPC model shared with the cloud emulators; each node is added to it. */
  network: PodNetwork;
  /** Number of nodes, default 3. */
  nodes?: number;
  /** Node names are `<prefix><n>` from 1, default prefix `node-`. */
  nodeNamePrefix?: string;
  /** Longest time a deleted pod takes to terminate, default 2 s, whatever its grace period. */
  terminationCapSeconds?: number;
  /** Time a scheduled pod spends in ContainerCreating before it gets its IP, default 0. */
  startupDelayMs?: number;
  clock?: Clock;
}

export interface WorkloadSimulation {
  readonly nodeNames: string[];
  stop(): Promise<void>;
}

interface Stoppable {
  stop(): Promise<void>;
}

/** Resolves once the nodes exist and every informer has synced. */
export async function startWorkloadSimulation(options: WorkloadSimulationOptions): Promise<WorkloadSimulation> {
  const clock = options.clock ?? systemClock;
  const nodeNames = nodeNamesFor(options.nodeNamePrefix ?? 'node-', options.nodes ?? 3);
  const core = options.kubeConfig.makeApiClient(CoreV1Api);
  const apps = options.kubeConfig.makeApiClient(AppsV1Api);
  const informers = new ClusterInformers(options.kubeConfig);
  const controllers: Stoppable[] = [
    new Scheduler(informers, core),
    new Kubelets(informers, core, options.network, new Set(nodeNames), clock, {
      terminationCapSeconds: options.terminationCapSeconds ?? 2,
      startupDelayMs: options.startupDelayMs ?? 0,
    }),
    new StatefulSetController(informers, core, apps),
    new DeploymentController(informers, apps),
    new ReplicaSetController(informers, core, apps),
  ];
  const stop = async () => {
    await informers.stop();
    await Promise.all(controllers.map((controller) => controller.stop()));
  };
  try {
    await registerNodes(options.kubeConfig, options.network, nodeNames, clock.now());
    await informers.start();
  } catch (error) {
    await stop();
    throw error;
  }
  return { nodeNames, stop };
}
