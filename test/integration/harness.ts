/**
 * One lifecycle test world: the local API server with the EIPClaim CRD, the workload simulation,
 * a cloud emulator sharing the same VPC network, and podeip in-process with a manual clock.
 * podeip talks to the API server as its own ServiceAccount; closing the world fails when podeip
 * made a call that config/rbac does not grant. Waits are condition polls with deadlines, never fixed sleeps.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AppsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig, type CoreV1Event, type V1OwnerReference, type V1Pod } from '@kubernetes/client-node';
import { pino } from 'pino';
import type { AdminAddress, CloudEmulator } from '../../hack/cloud/common/index.js';
import { startKubeApiServer, type KubeApiServer, type RequestLogEntry } from '../../hack/kube-apiserver/index.js';
import { PodNetwork } from '../../hack/network/pod-network.js';
import { applyManifestFiles } from '../../hack/sandbox/apply-manifests.js';
import { startWorkloadSimulation, type WorkloadSimulation } from '../../hack/workloads/index.js';
import { ManualClock } from '../support/manual-clock.js';
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import type { EIPPool, EIPPoolSpec } from '../../src/k8s/eippool.js';
import { type ControllerOptions, type RunningController, startController } from '../../src/manager/start-controller.js';
import { createProvider } from '../../src/providers/create-provider.js';
import { loadControllerRbac } from '../manifests/rbac-rules.js';
import type { EmulatorSettings, ProviderRow } from './provider-rows.js';

const run = promisify(execFile);
export const NAMESPACE = 'default';
export const CLUSTER_ID = 'it-cluster';
const CRD_PATHS = ['podeip.io_eipclaims.yaml', 'podeip.io_eippools.yaml'].map((file) => fileURLToPath(new URL(`../../crds/${file}`, import.meta.url)));
/** Where config/default installs podeip: its Lease lives here, and its ServiceAccount is podeip-controller. */
export const CONTROLLER_NAMESPACE = 'podeip-system';
/** The bearer token naming podeip's ServiceAccount, which the request log records as the user. */
export const CONTROLLER_USER = `system:serviceaccount:${CONTROLLER_NAMESPACE}:podeip-controller`;

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
  /** The same server as kubeConfig, as podeip's ServiceAccount (CONTROLLER_USER). */
  readonly controllerKubeConfig: KubeConfig;
  /** A kubeconfig file for podeip as a process (`podeip run --kubeconfig`), as CONTROLLER_USER. */
  readonly controllerKubeconfigPath: string;
  controller: RunningController | undefined;
  private controllerOverrides: ControllerOverrides;
  private controllerCallsBeforeClears: RequestLogEntry[] = [];

  private constructor(
    readonly row: ProviderRow,
    readonly apiServer: KubeApiServer,
    /** The test's own (admin) identity, also used by the workload simulation. */
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
    this.controllerKubeConfig = withToken(kubeConfig, CONTROLLER_USER);
    this.controllerKubeconfigPath = join(tempDir, 'controller-kubeconfig');
    this.controllerOverrides = options.controller ?? {};
    this.keepControllerCallsAcrossLogClears();
  }

  static async start(row: ProviderRow, options: HarnessOptions = {}): Promise<Harness> {
    Object.assign(process.env, row.credentialsEnv);
    const apiServer = await startKubeApiServer();
    const kubeConfig = apiServer.kubeConfig();
    const tempDir = await mkdtemp(join(tmpdir(), 'podeip-it-'));
    const kubeconfigPath = join(tempDir, 'kubeconfig');
    await apiServer.writeKubeconfig(kubeconfigPath);
    await applyManifestFiles(kubeConfig, CRD_PATHS);
    const network = new PodNetwork({ idStyle: row.idStyle });
    const cloud = await row.startEmulator(network, options.emulator ?? {});
    const workloads = await startWorkloadSimulation({ kubeConfig, network, nodes: 2, terminationCapSeconds: options.terminationCapSeconds ?? 0 });
    const harness = new Harness(row, apiServer, kubeConfig, kubeconfigPath, cloud, network, workloads, tempDir, options);
    await harness.prepareControllerIdentity();
    if (options.inProcessController !== false) await harness.startController();
    return harness;
  }

  /** podeip's namespace (for its Lease) and its kubeconfig file. */
  private async prepareControllerIdentity(): Promise<void> {
    await this.core.createNamespace({ body: { metadata: { name: CONTROLLER_NAMESPACE } } });
    await writeFile(this.controllerKubeconfigPath, this.controllerKubeConfig.exportConfig(), { mode: 0o600 });
  }

  async startController(overrides: ControllerOverrides = {}): Promise<RunningController> {
    const options: ControllerOptions = {
      kubeConfig: this.controllerKubeConfig,
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

  /** Closes everything, then fails if podeip made a call that config/rbac does not allow. */
  async close(): Promise<void> {
    await this.stopController();
    const controllerCalls = this.controllerCalls();
    await this.workloads.stop();
    await this.cloud.close();
    await this.apiServer.close();
    await rm(this.tempDir, { recursive: true, force: true });
    const denied = loadControllerRbac({ namespace: CONTROLLER_NAMESPACE }).denied(controllerCalls);
    if (denied.length > 0) throw new Error(`podeip made API calls that config/rbac does not allow:\n${denied.join('\n')}`);
  }

  /** Every request podeip (CONTROLLER_USER) has made so far, in order. */
  controllerCalls(): RequestLogEntry[] {
    return [...this.controllerCallsBeforeClears, ...this.apiServer.hooks.requestLog().filter((entry) => entry.user === CONTROLLER_USER)];
  }

  /** Tests clear the request log to look at one phase; podeip's earlier calls still count for the RBAC check. */
  private keepControllerCallsAcrossLogClears(): void {
    const hooks = this.apiServer.hooks;
    const clear = hooks.clearRequestLog;
    hooks.clearRequestLog = () => {
      this.controllerCallsBeforeClears = this.controllerCalls();
      clear();
    };
  }

  // ---- Kubernetes objects ----

  async createPod(
    name: string,
    annotations: Record<string, string>,
    extra: { readinessGates?: string[]; nodeName?: string; ownerReferences?: V1OwnerReference[] } = {},
  ): Promise<V1Pod> {
    return this.core.createNamespacedPod({
      namespace: NAMESPACE,
      body: {
        metadata: { name, annotations, ...(extra.ownerReferences ? { ownerReferences: extra.ownerReferences } : {}) },
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

  /** An EIPPool (cluster-scoped, SPEC §10); `namespaceSelector` defaults to every namespace. */
  async createPool(name: string, spec: Partial<EIPPoolSpec>): Promise<EIPPool> {
    const body = { apiVersion: 'podeip.io/v1alpha1', kind: 'EIPPool', metadata: { name }, spec: { namespaceSelector: {}, ...spec } };
    return (await this.custom.createClusterCustomObject({ group: 'podeip.io', version: 'v1alpha1', plural: 'eippools', body })) as EIPPool;
  }

  async pool(name: string): Promise<EIPPool | undefined> {
    const read = this.custom.getClusterCustomObject({ group: 'podeip.io', version: 'v1alpha1', plural: 'eippools', name });
    return (await read.catch(() => undefined)) as EIPPool | undefined;
  }

  async deletePool(name: string): Promise<void> {
    await this.custom.deleteClusterCustomObject({ group: 'podeip.io', version: 'v1alpha1', plural: 'eippools', name });
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
  async boundClaim(name: string, timeoutMs = CONDITION_WAIT_MS): Promise<{ claim: EIPClaim; pod: V1Pod }> {
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

/** The same clusters and contexts, every user authenticating with `token` instead. */
function withToken(kubeConfig: KubeConfig, token: string): KubeConfig {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: kubeConfig.getClusters(),
    contexts: kubeConfig.getContexts(),
    currentContext: kubeConfig.getCurrentContext(),
    users: kubeConfig.getUsers().map((user) => ({ ...user, token })),
  });
  return config;
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

/**
 * How long a test waits for a condition before it fails: a limit for a test that is broken, not a
 * budget for a working one, so it is far above what a loaded 2-core machine needs (issue 14 item 18).
 */
export const CONDITION_WAIT_MS = 90_000;

/** Polls `probe` until it returns something other than undefined/false, or fails after the timeout. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = CONDITION_WAIT_MS): Promise<T> {
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
