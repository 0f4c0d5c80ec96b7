/**
 * config/prometheus/alerts.yaml (SPEC §12 alerts) under `promtool test rules`: one file per alert in
 * test/prometheus/rules/, each with a case where the alert fires and one where it stays quiet.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { alertRuleGroups, podeipMetricsIn, SPEC_METRICS } from './prometheus-config.js';

const run = promisify(execFile);
const TESTS_DIR = new URL('rules/', import.meta.url).pathname;

/** SPEC §12: leader missing, binds failing (and claims stuck not Ready), cloud sync stale, quota nearly exhausted, idle owned addresses, orphans found. */
const SPEC_ALERTS = [
  'PodeipAddressQuotaNearlyExhausted',
  'PodeipBindsFailing',
  'PodeipClaimsNotReady',
  'PodeipCloudSyncStale',
  'PodeipIdleOwnedAddresses',
  'PodeipLeaderMissing',
  'PodeipOrphansFound',
];

interface PromtoolTestFile {
  tests: Array<{ name: string; alert_rule_test: Array<{ alertname: string; exp_alerts: unknown[] }> }>;
}

const rules = alertRuleGroups().groups.flatMap((group) => group.rules);

async function promtool(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('promtool', args, { cwd });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('config/prometheus/alerts.yaml', () => {
  let workdir: string;
  beforeAll(() => {
    workdir = mkdtempSync(join(tmpdir(), 'podeip-rules-'));
    writeFileSync(join(workdir, 'rules.yaml'), stringify(alertRuleGroups()));
    for (const file of readdirSync(TESTS_DIR)) copyFileSync(join(TESTS_DIR, file), join(workdir, file));
  });
  afterAll(() => rmSync(workdir, { recursive: true, force: true }));

  it('has the alerts of SPEC §12, each with a promtool test file', () => {
    expect(rules.map((rule) => rule.alert).sort()).toEqual(SPEC_ALERTS);
    expect(readdirSync(TESTS_DIR).sort()).toEqual(SPEC_ALERTS.map((alert) => `${alert}.yaml`));
  });

  it('reads only metrics SPEC §6 and §12 name', () => {
    const unknown = rules.flatMap((rule) => podeipMetricsIn(rule.expr)).filter((name) => !SPEC_METRICS.includes(name));
    expect(unknown).toEqual([]);
  });

  it('passes promtool check rules', async () => {
    const result = await promtool(['check', 'rules', 'rules.yaml'], workdir);
    expect(result).toEqual({ code: 0, output: expect.stringContaining(`SUCCESS: ${SPEC_ALERTS.length} rules found`) });
  });

  it.each(SPEC_ALERTS)('%s fires in one case and stays quiet in another (promtool test rules)', async (alert) => {
    const file = parse(readFileSync(join(TESTS_DIR, `${alert}.yaml`), 'utf8')) as PromtoolTestFile;
    const checks = file.tests.flatMap((test) => test.alert_rule_test);
    expect(checks.every((check) => check.alertname === alert)).toBe(true);
    expect(checks.some((check) => check.exp_alerts.length > 0)).toBe(true);
    expect(checks.some((check) => check.exp_alerts.length === 0)).toBe(true);
    const result = await promtool(['test', 'rules', `${alert}.yaml`], workdir);
    expect(result).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
  });
});
