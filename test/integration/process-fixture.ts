/**
 * `bin/podeip run` as a child process (the built dist/, as in the image) against a Harness world, with
 * its own bearer token so the API server's request log tells replicas apart. Waits are event-driven:
 * the "podeip started" log line, metric polls with deadlines, the exit event.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { RequestLogEntry } from '../../hack/kube-apiserver/index.js';
import { CLUSTER_ID, CONTROLLER_NAMESPACE, eventually, type Harness } from './harness.js';

/** Lease 2 s, renew deadline 1.5 s, retry 0.2 s: proportionate to the 15/10/2 s defaults, and quick. */
export const FAST_LEASE = { leaseDurationMs: 2_000, renewDeadlineMs: 1_500, retryPeriodMs: 200 };
export const LEASE_NAME = 'podeip-leader';

export const LEADER_ELECT_ARGS = [
  '--leader-elect',
  `--leader-election-namespace=${CONTROLLER_NAMESPACE}`,
  `--leader-election-id=${LEASE_NAME}`,
  `--leader-elect-lease-duration=${FAST_LEASE.leaseDurationMs}ms`,
  `--leader-elect-renew-deadline=${FAST_LEASE.renewDeadlineMs}ms`,
  `--leader-elect-retry-period=${FAST_LEASE.retryPeriodMs}ms`,
];

const WRITE_VERBS = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

/** A write other than the Lease's (leader election itself is expected to write the Lease). */
export function isWorkWrite(entry: RequestLogEntry): boolean {
  return WRITE_VERBS.has(entry.verb) && entry.resource !== 'leases';
}

export class ControllerProcess {
  readonly exited: Promise<number | null>;
  private output = '';

  private constructor(
    readonly user: string,
    readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  /** Starts `bin/podeip run` as `user` and resolves once it has logged "podeip started". */
  static async start(world: Harness, user: string, extraArgs: string[]): Promise<ControllerProcess> {
    const kubeconfigPath = join(dirname(world.kubeconfigPath), `kubeconfig-${user}`);
    await writeFile(kubeconfigPath, kubeconfigAs(world.kubeConfig, user).exportConfig(), { mode: 0o600 });
    const args = [
      'run',
      `--provider=${world.row.name}`,
      `--region=${world.row.region}`,
      `--cluster-id=${CLUSTER_ID}`,
      `--kubeconfig=${kubeconfigPath}`,
      `--cloud-endpoint=${world.cloud.endpoint}`,
      '--metrics-bind-address=127.0.0.1:0',
      '--health-probe-bind-address=127.0.0.1:0',
      ...extraArgs,
    ];
    const child = spawn('bin/podeip', args, { env: { ...process.env, ...world.row.credentialsEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    const started = new ControllerProcess(user, child);
    await started.metricsUrl();
    return started;
  }

  /** Every JSON log line so far. */
  logLines(): Array<Record<string, unknown>> {
    return this.output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  async metricsUrl(): Promise<string> {
    const started = await eventually(`${this.user} to log "podeip started"`, () => {
      if (this.child.exitCode !== null) throw new Error(`${this.user} exited with ${this.child.exitCode}: ${this.output}`);
      return this.logLines().find((line) => line.msg === 'podeip started');
    });
    return started.metrics as string;
  }

  async metric(name: string): Promise<number> {
    return metricTotal(await this.metricsUrl(), name);
  }

  /** Resolves once this process reports podeip_leader 1. */
  async leading(timeoutMs = 10_000): Promise<void> {
    await eventually(`${this.user} to lead`, async () => (await this.metric('podeip_leader')) === 1, timeoutMs);
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** The request log entries made with this process's token. */
  requests(world: Harness): RequestLogEntry[] {
    return world.apiServer.hooks.requestLog().filter((entry) => entry.user === this.user);
  }
}

/** The sum of a metric's samples at `metricsUrl` (0 when it has none yet). */
export async function metricTotal(metricsUrl: string, name: string): Promise<number> {
  const body = await (await fetch(`${metricsUrl}/metrics`)).text();
  return body
    .split('\n')
    .filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/** The world's cluster, authenticating with a bearer token of our own. */
function kubeconfigAs(base: KubeConfig, token: string): KubeConfig {
  const cluster = base.getCurrentCluster()!;
  const config = new KubeConfig();
  const context = { name: token, cluster: cluster.name, user: token };
  config.loadFromOptions({ clusters: [cluster], users: [{ name: token, token }], contexts: [context], currentContext: token });
  return config;
}
