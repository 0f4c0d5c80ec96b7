/**
 * A real Prometheus server (Debian's `prometheus`, make prometheus-tools) on 127.0.0.1 that scrapes
 * one podeip metrics endpoint every second and evaluates config/prometheus/alerts.yaml: the sandbox's
 * `--prometheus` and the dashboard test use it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { findRepoRoot } from '../sandbox/repo-root.js';

export interface PrometheusOptions {
  /** The podeip endpoint to scrape, e.g. http://127.0.0.1:8080/metrics. */
  metricsUrl: string;
  /** Holds the generated config, the TSDB and prometheus.log. */
  folder: string;
  /** 0 or absent: a free port. */
  port?: number;
}

export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

export interface PrometheusServer {
  readonly url: string;
  /** An instant query over the HTTP API: the result vector (empty when the expression has no data). */
  query(expr: string): Promise<PromSample[]>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
export const SCRAPE_JOB = 'podeip';

export async function startPrometheus(options: PrometheusOptions): Promise<PrometheusServer> {
  await mkdir(options.folder, { recursive: true });
  const configFile = await writeConfig(options);
  const port = options.port || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(join(options.folder, 'prometheus.log'));
  const child = spawn(
    'prometheus',
    [`--config.file=${configFile}`, `--storage.tsdb.path=${join(options.folder, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      spawnError = error;
      resolve();
    });
  });
  const server: PrometheusServer = { url, query: (expr) => instantQuery(url, expr), stop: () => stop(child, exited) };
  try {
    await untilReady(url, () => startFailure(child, spawnError, options.folder));
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** prometheus.yml and rules.yaml (the PrometheusRule's spec) in the folder; returns the config's path. */
async function writeConfig({ metricsUrl, folder }: PrometheusOptions): Promise<string> {
  const rule = parse(await readFile(join(findRepoRoot(import.meta.url), 'config/prometheus/alerts.yaml'), 'utf8')) as { spec: unknown };
  await writeFile(join(folder, 'rules.yaml'), stringify(rule.spec));
  const target = new URL(metricsUrl);
  const config = {
    global: { scrape_interval: '1s', evaluation_interval: '1s' },
    rule_files: ['rules.yaml'],
    scrape_configs: [{ job_name: SCRAPE_JOB, metrics_path: target.pathname, static_configs: [{ targets: [target.host] }] }],
  };
  const path = join(folder, 'prometheus.yml');
  await writeFile(path, stringify(config));
  return path;
}

function startFailure(child: ChildProcess, spawnError: Error | undefined, folder: string): string | undefined {
  if ((spawnError as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return 'prometheus is not installed (make prometheus-tools installs Debian\'s prometheus)';
  if (spawnError) return `prometheus did not start: ${spawnError.message}`;
  if (child.exitCode !== null) return `prometheus exited with ${child.exitCode}; see ${join(folder, 'prometheus.log')}`;
  return undefined;
}

async function untilReady(url: string, failure: () => string | undefined): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const failed = failure();
    if (failed) throw new Error(failed);
    const ready = await fetch(`${url}/-/ready`).then((response) => response.ok, () => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`prometheus not ready at ${url} after ${READY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** An instant query to the Prometheus at `url` over its HTTP API: the result vector (a scalar as one sample). */
export async function instantQuery(url: string, expr: string): Promise<PromSample[]> {
  const response = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: expr })}`);
  const body = (await response.json()) as { status: string; error?: string; data: { resultType: string; result: unknown } };
  if (body.status !== 'success') throw new Error(`query ${expr}: ${body.error}`);
  if (body.data.resultType === 'scalar') {
    return [{ metric: {}, value: body.data.result as [number, string] }];
  }
  return body.data.result as PromSample[];
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
