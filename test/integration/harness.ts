/**
 * One lifecycle test world: the local API server with the EIPClaim CRD, the workload simulation,
 * a cloud emulator sharing the same VPC network, and podeip in-process with a manual clock.
 * Waits are condition polls with deadlines, never fixed sleeps.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApiextensionsV1Api, AppsV1Api, CoreV1Api, CustomObjectsApi, type CoreV1Event, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { pino } from 'pino';
import { parse } from 'yaml';
import type { AdminAddress, CloudEmulator } from '../../hack/cloud/common/index.js';
import { startKubeApiServer, type KubeApiServer } from '../../hack/kube-apiserver/index.js';
import { PodNetwork } from '../../hack/network/pod-network.js';
import { startWorkloadSimulation, type WorkloadSimulation } from '../../hack/workloads/index.js';
import { ManualClock } from '../../src/clock/clock.js';
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { type ControllerOptions, type RunningController, startController } from '../../src/manager/start-controller.js';
import { createProvider } from '../../src/providers/create-provider.js';
import type { EmulatorSettings, ProviderRow } from './provider-rows.js';

const run = promisify(execFile);
export const NAMESPACE = 'default';
export const CLUSTER_ID = 'it-cluster';
const CRD_PATH = new URL('../../crds/podeip.io_eipclaims.yaml', import.meta.url);

export type ControllerOverrides = Partial<ControllerOptions>;

export interface HarnessOptions {
  emulator?: EmulatorSettings;
  /** Start podeip in-process at once (default true). */
  inProcessController?: boolean;
  /** How long deleted pods take to terminate; default 0. */
  terminationCapSeconds?: number;
  controller?: ControllerOverrides;
}

export class Harness {
  readonly clock = new ManualClock(new Date());
  readonly network: PodNetwork;
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly custom: CustomObjectsApi;
  controller: RunningController | undefined;
  private controllerOverrides: ControllerOverrides;

  private constructor(
    readonly row: ProviderRow,
    readonly apiServer: KubeApiServer,
    readonly kubeConfig: KubeConfig,
    readonly kubeconfigPath: string,
    readonly cloud: CloudEmulator,
    network: PodNetwork,
    private readonly workloads: WorkloadSimulation,
    private readonly tempDir: string,
    options: HarnessOptions,
  ) {
    this.network = network;
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.apps = kubeConfig.makeApiClient(AppsV1Api);
    this.custom = kubeConfig.makeApiClient(CustomObjectsApi);
    this.controllerOverrides = options.controller ?? {};
  }

  static async start(row: ProviderRow, options: HarnessOptions = {}): Promise<Harness> {
    Object.assign(process.env, row.credentialsEnv);
    const apiServer = await startKubeApiServer();
    const kubeConfig = apiServer.kubeConfig();
    const tempDir = await mkdtemp(join(tmpdir(), 'podeip-it-'));
    const kubeconfigPath = join(tempDir, 'kubeconfig');
    await apiServer.writeKubeconfig(kubeconfigPath);
    await installCrd(kubeConfig);
    const network = new PodNetwork({ idStyle: row.idStyle });
    const cloud = await row.startEmulator(network, options.emulator ?? {});
    const workloads = await startWorkloadSimulation({ kubeConfig, network, nodes: 2, terminationCapSeconds: options.terminationCapSeconds ?? 0 });
    const harness = new Harness(row, apiServer, kubeConfig, kubeconfigPath, cloud, network, workloads, tempDir, options);
    if (options.inProcessController !== false) await harness.startController();
    return harness;
  }

  async startController(overrides: ControllerOverrides = {}): Promise<RunningController> {
    const options: ControllerOptions = {
      kubeConfig: this.kubeConfig,
      provider: this.row.name,
      region: this.row.region,
      clusterId: CLUSTER_ID,
      cloudEndpoint: this.cloud.endpoint,
      metricsBindAddress: '127.0.0.1:0',
      healthProbeBindAddress: '127.0.0.1:0',
      clock: this.clock,
      logger: pino({ level: process.env.PODEIP_TEST_LOG ?? 'silent' }),
      pollIntervalMs: 10,
      maxPollIntervalMs: 200,
      conflictRetryMs: 100,
      cloudSyncIntervalMs: 60_000,
      gracefulShutdownMs: 2_000,
      ...this.controllerOverrides,
      ...overrides,
    };
    this.controller = await startController(options);
    await this.controller.reconciling;
    return this.controller;
  }

  /** A provider the test can use directly (same SDK path as the controller's). */
  directProvider() {
    return createProvider(this.row.name, { region: this.row.region, endpoint: this.cloud.endpoint, observer: { observe: () => undefined } });
  }

  async stopController(): Promise<void> {
    await this.controller?.stop();
    this.controller = undefined;
  }

  async close(): Promise<void> {
    await this.stopController();
    await this.workloads.stop();
    await this.cloud.close();
    await this.apiServer.close();
    await rm(this.tempDir, { recursive: true, force: true });
  }

  // ---- Kubernetes objects ----

  async createPod(name: string, annotations: Record<string, string>, extra: { readinessGates?: string[]; nodeName?: string } = {}): Promise<V1Pod> {
    return this.core.createNamespacedPod({
      namespace: NAMESPACE,
      body: {
        metadata: { name, annotations },
        spec: {
          containers: [{ name: 'app', image: 'busybox' }],
          ...(extra.nodeName ? { nodeName: extra.nodeName } : {}),
          ...(extra.readinessGates ? { readinessGates: extra.readinessGates.map((conditionType) => ({ conditionType })) } : {}),
        },
      },
    });
  }

  async createStatefulSet(name: string, replicas: number, annotations: Record<string, string>): Promise<void> {
    const labels = { app: name };
    await this.apps.createNamespacedStatefulSet({
      namespace: NAMESPACE,
      body: {
        metadata: { name },
        spec: {
          replicas,
          serviceName: name,
          selector: { matchLabels: labels },
          template: { metadata: { labels, annotations }, spec: { containers: [{ name: 'app', image: 'busybox' }] } },
        },
      },
    });
  }

  async deletePod(name: string): Promise<void> {
    await this.core.deleteNamespacedPod({ namespace: NAMESPACE, name });
  }

  async pod(name: string): Promise<V1Pod | undefined> {
    return this.core.readNamespacedPod({ namespace: NAMESPACE, name }).catch(() => undefined);
  }

  async claim(name: string): Promise<EIPClaim | undefined> {
    const read = this.custom.getNamespacedCustomObject({ group: 'podeip.io', version: 'v1alpha1', namespace: NAMESPACE, plural: 'eipclaims', name });
    return (await read.catch(() => undefined)) as EIPClaim | undefined;
  }

  async claims(): Promise<EIPClaim[]> {
    const list = (await this.custom.listNamespacedCustomObject({ group: 'podeip.io', version: 'v1alpha1', namespace: NAMESPACE, plural: 'eipclaims' })) as { items: EIPClaim[] };
    return list.items;
  }

  async events(reason: string, objectName?: string): Promise<CoreV1Event[]> {
    const list = await this.core.listNamespacedEvent({ namespace: NAMESPACE });
    return list.items.filter((event) => event.reason === reason && (!objectName || event.involvedObject.name === objectName));
  }

  async kubectl(...args: string[]): Promise<string> {
    const { stdout } = await run('/usr/bin/kubectl', ['--kubeconfig', this.kubeconfigPath, '-n', NAMESPACE, ...args]);
    return stdout;
  }

  // ---- waiting ----

  /** The claim once it is Bound and the pod carries the public IP annotation; returns both. */
  async boundClaim(name: string, timeoutMs = 15_000): Promise<{ claim: EIPClaim; pod: V1Pod }> {
    return eventually(`claim ${name} bound and pod annotated`, async () => {
      const [claim, pod] = await Promise.all([this.claim(name), this.pod(name)]);
      const annotated = pod?.metadata?.annotations?.[this.row.publicIpAnnotation];
      const ready = claim?.status?.phase === 'Bound' && pod?.status?.podIP === claim.status.privateIP && annotated === claim.status.publicIP;
      return ready ? { claim: claim!, pod: pod! } : undefined;
    }, timeoutMs);
  }

  address(addressId: string): AdminAddress | undefined {
    return this.cloud.admin.addresses().find((address) => address.addressId === addressId);
  }

  calls(action: string): number {
    return Object.values(this.cloud.admin.calls()[action] ?? {}).reduce((sum, count) => sum + count, 0);
  }
}

async function installCrd(kubeConfig: KubeConfig): Promise<void> {
  const crd = parse(await readFile(CRD_PATH, 'utf8'));
  await kubeConfig.makeApiClient(ApiextensionsV1Api).createCustomResourceDefinition({ body: crd });
}

/** Starts a world before the suite and closes it after; call the returned function inside tests. */
export function useHarness(row: ProviderRow, options: HarnessOptions = {}): () => Harness {
  let world: Harness | undefined;
  beforeAll(async () => {
    world = await Harness.start(row, options);
  });
  afterAll(async () => {
    await world?.close();
  });
  return () => world!;
}

/** Polls `probe` until it returns something other than undefined/false, or fails after the timeout. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
