/**
 * Starts the whole sandbox on loopback: local API server + workload simulation + the chosen cloud's
 * emulator (sharing one VPC network model) + the podeip controller as a child process.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { startKubeApiServer, type KubeApiServer } from '../kube-apiserver/index.js';
import { startWorkloadSimulation, type WorkloadSimulation } from '../workloads/index.js';
import { startCloudEmulator } from '../cloud/index.js';
import type { CloudEmulator } from '../cloud/common/index.js';
import { PodNetwork } from '../network/pod-network.js';
import { applyManifestFiles, manifestFilesIn } from './apply-manifests.js';
import { startControllerProcess, type ControllerProcess } from './controller-process.js';
import type { SandboxOptions, SandboxProvider } from './options.js';
import { sandboxCredentials } from './credentials.js';
import { findRepoRoot } from './repo-root.js';
import { lockSandboxFolder } from './folder-lock.js';

export interface ReadyInfo {
  kubeconfig: string;
  apiServer: string;
  provider: SandboxProvider;
  cloudEndpoint: string;
  cloudAdmin: string;
  metrics: string;
}

export interface Sandbox {
  readonly ready: ReadyInfo;
  readonly apiServer: KubeApiServer;
  readonly controller: ControllerProcess;
  readonly controllerLogPath: string;
  stop(): Promise<void>;
}

const REGION: Record<SandboxProvider, string> = { tencent: 'ap-guangzhou', alibaba: 'cn-hangzhou' };
const REPO_ROOT = findRepoRoot(import.meta.url);
const CRD_FOLDER = resolve(REPO_ROOT, 'crds');

export async function startSandbox(options: SandboxOptions, progress: (step: string) => void): Promise<Sandbox> {
  const stack: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const stop of stack.reverse()) await stop().catch(() => undefined);
  };
  const kubeconfig = resolve(options.kubeconfigPath);
  await mkdir(dirname(kubeconfig), { recursive: true });
  const lock = await lockSandboxFolder(dirname(kubeconfig));
  stack.push(() => lock.release());
  try {
    progress('starting the local Kubernetes API server');
    const apiServer = await startKubeApiServer({ port: options.apiPort });
    stack.push(() => apiServer.close());
    await apiServer.writeKubeconfig(kubeconfig);
    await applyManifestFiles(apiServer.kubeConfig(), await manifestFilesIn(CRD_FOLDER));

    progress(`starting the ${options.provider} cloud emulator`);
    const network = new PodNetwork({ idStyle: options.provider, enisPerNode: 2 });
    const cloud: CloudEmulator = await startCloudEmulator(options.provider, { network, port: options.cloudPort });
    stack.push(() => cloud.close());

    progress('starting simulated nodes and workload controllers');
    const workloads: WorkloadSimulation = await startWorkloadSimulation({ kubeConfig: apiServer.kubeConfig(), network, nodes: 3 });
    stack.push(() => workloads.stop());

    progress('starting the podeip controller');
    const metricsPort = options.metricsPort || (await freePort());
    const controllerLogPath = resolve(dirname(kubeconfig), 'controller.log');
    const controller = startControllerProcess({
      args: controllerArgs(options, kubeconfig, cloud.endpoint, metricsPort),
      env: sandboxCredentials(options.provider),
      logPath: controllerLogPath,
    });
    stack.push(() => controller.stop());
    await waitForReadiness(controller, `http://127.0.0.1:${metricsPort}/metrics`);

    if (options.demo) {
      progress('applying the demo workloads from config/samples/');
      await applyManifestFiles(apiServer.kubeConfig(), await demoManifests(options.provider));
    }
    const ready: ReadyInfo = {
      kubeconfig,
      apiServer: apiServer.url,
      provider: options.provider,
      cloudEndpoint: cloud.endpoint,
      cloudAdmin: cloud.adminUrl,
      metrics: `http://127.0.0.1:${metricsPort}/metrics`,
    };
    const readyFile = resolve(options.readyFilePath);
    await mkdir(dirname(readyFile), { recursive: true });
    await writeFile(readyFile, `${JSON.stringify(ready, null, 2)}\n`);
    stack.push(() => rm(readyFile, { force: true }));
    return { ready, apiServer, controller, controllerLogPath, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function controllerArgs(options: SandboxOptions, kubeconfig: string, cloudEndpoint: string, metricsPort: number): string[] {
  return [
    `--provider=${options.provider}`,
    `--region=${REGION[options.provider]}`,
    '--cluster-id=sandbox',
    `--kubeconfig=${kubeconfig}`,
    `--cloud-endpoint=${cloudEndpoint}`,
    `--metrics-bind-address=127.0.0.1:${metricsPort}`,
    '--health-probe-bind-address=127.0.0.1:0',
    ...options.controllerFlags,
  ];
}

async function demoManifests(provider: SandboxProvider): Promise<string[]> {
  const folder = resolve(REPO_ROOT, provider === 'tencent' ? 'config/samples' : 'config/samples/alibaba');
  return manifestFilesIn(folder);
}

/** The controller is up once its metrics endpoint answers; a controller that exits first is an error. */
async function waitForReadiness(controller: ControllerProcess, url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | string | undefined;
  void controller.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the controller exited (${exitCode}) before it was ready`);
    const answered = await fetch(url).then((response) => response.ok, () => false);
    if (answered) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`the controller did not answer on ${url} within ${timeoutMs / 1000}s`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
