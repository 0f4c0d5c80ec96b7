/**
 * Every PromQL expression of config/prometheus/grafana-dashboard.json, run by the real Prometheus that
 * `podeip sandbox --prometheus` starts beside the sandbox (demo workloads binding, some cloud calls
 * failing), must return data; that Prometheus loads config/prometheus/alerts.yaml and evaluates every
 * rule without error.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instantQuery, SCRAPE_JOB } from '../../hack/prometheus/prometheus-server.js';
import { eventually } from '../integration/harness.js';
import { kubectl } from '../support/processes.js';
import { REPO_ROOT } from '../manifests/config-tree.js';
import { alertRuleGroups, dashboardQueries, podeipMetricsIn, SPEC_METRICS } from './prometheus-config.js';

interface Ready {
  metrics: string;
  cloudAdmin: string;
}

/** Grafana's $__rate_interval: at least four scrape intervals; one minute holds plenty of 1 s scrapes. */
const asPromQL = (expr: string) => expr.replaceAll('$__rate_interval', '1m');
const queries = dashboardQueries();

describe('the Grafana dashboard against a real Prometheus scraping the sandbox', () => {
  let folder: string;
  let sandbox: ChildProcess;
  let sandboxOutput = '';
  let prometheusUrl: string;
  const query = (expr: string) => instantQuery(prometheusUrl, expr);
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'podeip-dashboard-'));
    const readyFile = join(folder, 'ready.json');
    const flags = ['--prometheus', `--ready-file=${readyFile}`, `--kubeconfig=${join(folder, 'kubeconfig')}`];
    sandbox = spawn('bin/podeip', ['sandbox', ...flags, '--', '--cloud-sync-period=2s'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    sandbox.stdout!.on('data', (chunk: Buffer) => (sandboxOutput += chunk.toString()));
    sandbox.stderr!.on('data', (chunk: Buffer) => (sandboxOutput += chunk.toString()));
    const ready = await eventually('the sandbox ready file', () => {
      if (sandbox.exitCode !== null) throw new Error(`sandbox exited with ${sandbox.exitCode}: ${sandboxOutput}`);
      return JSON.parse(readFileSync(readyFile, 'utf8')) as Ready;
    });
    // A pod whose request does not parse keeps its claim not Ready (InvalidRequest), and half the reads
    // fail with the cloud's internal error, so the not-Ready and error panels have something to show.
    await kubectl(join(folder, 'kubeconfig'), ['run', 'invalid-request', '--image=example', '--annotations=tke.cloud.tencent.com/eip-attributes=not-json']);
    const fault = await fetch(`${ready.cloudAdmin}/faults`, { method: 'POST', body: JSON.stringify({ action: 'DescribeAddresses', errorRate: 0.5 }) });
    expect(fault.status).toBe(204);
    prometheusUrl = await eventually('the sandbox to print its Prometheus URL', () => /Prometheus (http:\/\/127\.0\.0\.1:\d+) scrapes/.exec(sandboxOutput)?.[1]);
    await eventually('Prometheus to scrape podeip', async () => (await query(`up{job="${SCRAPE_JOB}"} == 1`)).length === 1);
  });
  afterAll(async () => {
    if (sandbox && sandbox.exitCode === null) {
      const exited = new Promise((resolve) => sandbox.once('exit', resolve));
      sandbox.kill('SIGTERM');
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  });

  it('has the panels the operators asked for, reading only SPEC metric names', () => {
    const titles = [...new Set(queries.map((query) => query.panel))];
    expect(titles).toEqual(
      expect.arrayContaining(['Claims by phase', 'Binds per second', 'Bind latency (claim created → bound)', 'Cloud calls by action and code', 'Cloud errors by code', 'Address quota headroom', 'Idle owned addresses (billed, bound to nothing)', 'Leader']),
    );
    expect(queries.flatMap(({ expr }) => podeipMetricsIn(expr)).filter((name) => !SPEC_METRICS.includes(name))).toEqual([]);
  });

  it.each(queries)('$panel: $expr returns data', async ({ expr }) => {
    const result = await eventually(`data for ${expr}`, async () => {
      const samples = await query(asPromQL(expr));
      return samples.length > 0 ? samples : undefined;
    });
    expect(result.length).toBeGreaterThan(0);
  });

  it('evaluates every alert rule without error', async () => {
    const expected = alertRuleGroups().groups.flatMap((group) => group.rules.map((rule) => rule.alert)).sort();
    const evaluated = await eventually('every rule evaluated once', async () => {
      const body = (await (await fetch(`${prometheusUrl}/api/v1/rules`)).json()) as {
        data: { groups: Array<{ rules: Array<{ name: string; health: string; lastError?: string }> }> };
      };
      const rules = body.data.groups.flatMap((group) => group.rules);
      return rules.every((rule) => rule.health !== 'unknown') && rules.length > 0 ? rules : undefined;
    });
    expect(evaluated.map(({ name, health, lastError }) => ({ name, health, lastError: lastError ?? '' })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      expected.map((name) => ({ name, health: 'ok', lastError: '' })),
    );
  });
});
