/**
 * The world of the scale scenarios (memory, idle): the local API server and the cloud emulator in
 * this process, seeded with a large settled cluster (cluster-seed.ts), and podeip as a real
 * `podeip run` child process, so its memory and CPU are its own. PODEIP_BENCH_CLI points at another
 * build's dist/src/cli/main.js to measure it against the same world (a before/after comparison).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CloudEmulator } from '../cloud/common/index.js';
import { startKubeApiServer, type KubeApiServer } from '../kube-apiserver/index.js';
import { PodNetwork } from '../network/pod-network.js';
import { applyManifestFiles } from '../sandbox/apply-manifests.js';
import { sandboxCredentials } from '../sandbox/credentials.js';
import { findRepoRoot } from '../sandbox/repo-root.js';
import { CLUSTER_ID, CONTROLLER_USER, kubeConfigAs } from './bench-world.js';
import type { BenchProvider } from './bench-providers.js';
import { type ClusterPlan, seedCluster } from './cluster-seed.js';
import { pollUntil } from './poll-until.js';

const REPO = findRepoRoot(import.meta.url);
/** The built CLI, as `bin/podeip` runs it, also when this module runs from source (the tests). */
const CLI_ENTRY = process.env.PODEIP_BENCH_CLI ?? `${REPO}/dist/src/cli/main.js`;
const CRD_FILES = ['podeip.io_eipclaims.yaml', 'podeip.io_eippools.yaml'].map((file) => `${REPO}/crds/${file}`);

export interface ScaleWorld {
  readonly apiServer: KubeApiServer;
  readonly cloud: CloudEmulator;
  /** Spawns `podeip run` against this world; its pid is known at once, its endpoints once it has started. */
  spawnController(extraArgs?: string[]): ControllerChild;
  close(): Promise<void>;
}

export interface ControllerEndpoints {
  metricsUrl: string;
  probesUrl: string;
}

export interface ControllerChild {
  readonly pid: number;
  /** Resolves once podeip has logged "podeip started"; rejects if it exits first. */
  readonly started: Promise<ControllerEndpoints>;
  /** `error` with, if podeip has exited, its exit code and last output appended. */
  explain(error: unknown): Error;
  stop(): Promise<void>;
}

export async function startScaleWorld(provider: BenchProvider, plan: ClusterPlan, progress: (line: string) => void): Promise<ScaleWorld> {
  // For the template bind in this process; the child gets them explicitly (a test runner's process.env is its own).
  Object.assign(process.env, sandboxCredentials(provider.name));
  const closers: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined);
  };
  try {
    const apiServer = await startKubeApiServer({ retainedEvents: 1_000 });
    closers.push(() => apiServer.close());
    await applyManifestFiles(apiServer.kubeConfig(), CRD_FILES);
    const network = new PodNetwork({ idStyle: provider.name });
    const cloud = await provider.startEmulator(network, plan.claims + 20);
    closers.push(() => cloud.close());
    const folder = await mkdtemp(join(tmpdir(), 'podeip-bench-'));
    closers.push(() => rm(folder, { recursive: true, force: true }));
    const controllerKubeConfig = kubeConfigAs(apiServer.url, CONTROLLER_USER);
    const kubeconfigPath = join(folder, 'kubeconfig');
    await writeFile(kubeconfigPath, controllerKubeConfig.exportConfig(), { mode: 0o600 });
    progress(`seeding ${plan.pods} pods, ${plan.claims} of them with a Bound claim`);
    await seedCluster({ apiServer, cloud, network, provider, clusterId: CLUSTER_ID, controllerKubeConfig }, plan, progress);
    const args = [`--provider=${provider.name}`, `--region=${provider.region}`, `--cluster-id=${CLUSTER_ID}`, `--kubeconfig=${kubeconfigPath}`, `--cloud-endpoint=${cloud.endpoint}`];
    const env = { ...process.env };
    return { apiServer, cloud, spawnController: (extraArgs = []) => spawnControllerChild([...args, ...extraArgs], env), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** `podeip run` as a child process of this one. */
function spawnControllerChild(args: string[], env: NodeJS.ProcessEnv): ControllerChild {
  const child = spawn(process.execPath, [CLI_ENTRY, 'run', ...args, '--metrics-bind-address=127.0.0.1:0', '--health-probe-bind-address=127.0.0.1:0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = pollUntil('podeip to log "podeip started"', 300_000, () => {
    if (child.exitCode !== null) throw new Error('podeip exited before it started');
    return startedLine(output);
  });
  const explain = (error: unknown) => {
    const message = (error as Error).message ?? String(error);
    const exit = child.exitCode ?? child.signalCode;
    return new Error(exit === null ? message : `${message} (podeip exited with ${exit}: ${output.slice(-2_000)})`);
  };
  return { pid: child.pid!, started, explain, stop: () => stopChild(child, exited) };
}

function startedLine(output: string): ControllerEndpoints | undefined {
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { msg?: string; metrics?: string; probes?: string };
    if (entry.msg === 'podeip started') return { metricsUrl: entry.metrics!, probesUrl: entry.probes! };
  }
  return undefined;
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
