import { SPEC_METRICS } from '../prometheus/prometheus-config.js';
import { useHarness } from './harness.js';
import { TENCENT_ROW } from './provider-rows.js';

/** podeip's own names (SPEC §6, §12), then controller-runtime's and the process defaults. */
const EXPOSED_METRICS = [
  ...SPEC_METRICS,
  'controller_runtime_reconcile_total',
  'controller_runtime_reconcile_errors_total',
  'controller_runtime_reconcile_time_seconds',
  'workqueue_depth',
  'workqueue_adds_total',
  'workqueue_retries_total',
  'workqueue_queue_duration_seconds',
  'workqueue_work_duration_seconds',
  'process_cpu_seconds_total',
  'nodejs_heap_size_total_bytes',
];

describe('metrics and health endpoints', () => {
  const world = useHarness(TENCENT_ROW);

  test('/metrics carries every SPEC 6 name, with claims by phase and cloud calls by code', async () => {
    await world().createPod('metrics-web', TENCENT_ROW.ownedRequest());
    await world().boundClaim('metrics-web');
    const body = await (await fetch(`${world().controller!.metricsUrl}/metrics`)).text();
    const names = new Set(body.split('\n').filter((line) => line.startsWith('# TYPE ')).map((line) => line.split(' ')[2]));
    expect(EXPOSED_METRICS.filter((name) => !names.has(name))).toEqual([]);
    expect(body).toContain('podeip_claims{phase="Bound"} 1\n');
    expect(body).toContain('podeip_cloud_requests_total{provider="tencent",action="AllocateAddresses",code="Success"} 1\n');
    expect(body).toContain('podeip_leader 1\n');
    expect(body).toMatch(/controller_runtime_reconcile_total\{controller="eipclaim",result="success"\} \d+/);
    expect(body).not.toContain('metrics-web');
  });

  test('/healthz and /readyz answer ok once the caches are synced', async () => {
    const probes = world().controller!.probesUrl;
    expect([(await fetch(`${probes}/healthz`)).status, await (await fetch(`${probes}/readyz`)).text()]).toEqual([200, 'ok\n']);
    expect((await fetch(`${probes}/nothing`)).status).toBe(404);
  });
});
