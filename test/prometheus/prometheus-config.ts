/** config/prometheus/ as Prometheus sees it: the alert rules of the PrometheusRule and the Grafana dashboard's queries. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_DIR } from '../manifests/config-tree.js';

export const PROMETHEUS_DIR = join(CONFIG_DIR, 'prometheus');

/** The metric names SPEC §6 and §12 give podeip (histograms expose _bucket, _sum and _count). */
export const SPEC_METRICS = [
  'podeip_claims',
  'podeip_cloud_requests_total',
  'podeip_cloud_request_duration_seconds',
  'podeip_bind_duration_seconds',
  'podeip_addresses_unbound',
  'podeip_orphans_released_total',
  'podeip_leader',
  'podeip_build_info',
  'podeip_claims_not_ready',
  'podeip_cloud_sync_last_success_timestamp_seconds',
  'podeip_address_quota',
  'podeip_addresses',
  'podeip_repairs_total',
];

export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface RuleGroups {
  groups: Array<{ name: string; rules: AlertRule[] }>;
}

/** The rule groups of config/prometheus/alerts.yaml, in the file format promtool and Prometheus read. */
export function alertRuleGroups(): RuleGroups {
  return (parse(readFileSync(join(PROMETHEUS_DIR, 'alerts.yaml'), 'utf8')) as { spec: RuleGroups }).spec;
}

interface Panel {
  title: string;
  targets?: Array<{ expr: string; legendFormat?: string }>;
  panels?: Panel[];
}

/** Every panel title and PromQL expression of the Grafana dashboard (rows' nested panels included). */
export function dashboardQueries(): Array<{ panel: string; expr: string }> {
  const dashboard = JSON.parse(readFileSync(join(PROMETHEUS_DIR, 'grafana-dashboard.json'), 'utf8')) as { panels: Panel[] };
  const flatten = (panels: Panel[]): Panel[] => panels.flatMap((panel) => [panel, ...flatten(panel.panels ?? [])]);
  return flatten(dashboard.panels).flatMap((panel) => (panel.targets ?? []).map(({ expr }) => ({ panel: panel.title, expr })));
}

/** The podeip_* names an expression reads, histogram suffixes removed. */
export function podeipMetricsIn(expr: string): string[] {
  return [...new Set([...expr.matchAll(/\bpodeip_[a-z_]+/g)].map(([name]) => name.replace(/_(bucket|sum|count)$/, '')))];
}
