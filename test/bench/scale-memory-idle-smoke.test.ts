/**
 * Issue 10: `make bench --scenario memory|idle` run small (600 pods, 100 with a Bound claim) so they
 * cannot rot. The seeded cluster is settled: podeip run lists it in pages and writes nothing.
 */
import { runBenchmark, type BenchResult } from '../../hack/bench/benchmark.js';
import { formatReport } from '../../hack/bench/report-table.js';
import { PAGE_SIZE } from '../../src/k8s/paged-list.js';

const SMALL = { provider: 'tencent' as const, pods: 600, claims: 100, timeoutSeconds: 90 };

describe('make bench --scenario memory (600 pods)', () => {
  let result: BenchResult;
  beforeAll(async () => {
    result = await runBenchmark({ ...SMALL, scenario: 'memory', seconds: 1 });
  }, 150_000);

  test('runs to the end against a cluster that needs no write', () => {
    expect(result.failures).toEqual([]);
    const scale = result.scale!;
    expect([scale.pods, scale.claims]).toEqual([600, 100]);
    const { startup } = scale.memory!;
    expect(Object.keys(startup.cloudCalls).filter((action) => !action.startsWith('Describe'))).toEqual([]);
    expect(Object.keys(startup.kubeRequests).filter((request) => !/^(list|watch) /.test(request))).toEqual([]);
    expect(startup.kubeRequests).toMatchObject({ 'list pods': Math.ceil(600 / PAGE_SIZE), 'list eipclaims': 1 });
  });

  test('reports resident memory (peak, at sync, steady) and the V8 heap', () => {
    const memory = result.scale!.memory!;
    expect(memory.syncSeconds).toBeGreaterThan(0);
    expect(memory.settleSeconds).toBeGreaterThanOrEqual(memory.syncSeconds);
    expect(memory.steadySeconds).toBe(1);
    expect(memory.rssAtSyncMiB).toBeGreaterThan(20);
    expect(memory.peakRssMiB).toBeGreaterThanOrEqual(Math.max(memory.rssAtSyncMiB, memory.steadyRssMiB));
    expect(memory.heapUsedMiB).toBeGreaterThan(1);
    expect(memory.heapTotalMiB).toBeGreaterThanOrEqual(memory.heapUsedMiB);
    expect(formatReport(result)).toMatch(new RegExp(`peak RSS +${memory.peakRssMiB} MiB`));
  });
});

describe('make bench --scenario idle (600 pods)', () => {
  let result: BenchResult;
  beforeAll(async () => {
    result = await runBenchmark({ ...SMALL, scenario: 'idle', seconds: 2 });
  }, 150_000);

  test('measures CPU over the window, with no cloud or Kubernetes write', () => {
    expect(result.failures).toEqual([]);
    const idle = result.scale!.idle!;
    expect(idle.seconds).toBeGreaterThanOrEqual(2);
    expect(idle.cpuSeconds).toBeGreaterThanOrEqual(0);
    expect(idle.cpuPercentOfOneCore).toBeCloseTo((100 * idle.cpuSeconds) / idle.seconds, 0);
    expect(idle.cloudWrites).toBe(0);
    expect(idle.cloudSyncPeriodSeconds).toBe(60);
    expect(formatReport(result)).toContain(`% of one core`);
  });
});
