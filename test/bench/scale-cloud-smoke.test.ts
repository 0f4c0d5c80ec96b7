/**
 * Issue 10's cloud-side scenarios run small so `make bench --scenario restart|burst|latency` cannot
 * rot: a restart over 8 seeded Bound claims writes nothing, a burst of 4 pods binds on both providers
 * with no refused call, and 2 pods one at a time on 1–3 s cloud steps are measured.
 */
import { runBenchmark, type BenchResult } from '../../hack/bench/benchmark.js';
import { formatReport } from '../../hack/bench/report-table.js';

describe('make bench --scenario restart (8 seeded Bound claims)', () => {
  let result: BenchResult;
  beforeAll(async () => {
    result = await runBenchmark({ scenario: 'restart', provider: 'tencent', pods: 8, timeoutSeconds: 60 });
  }, 120_000);

  test('a fresh controller over the seeded claims writes nothing and reads one describe page', () => {
    expect(result.failures).toEqual([]);
    const { restart } = result.cloudScale!.restartAtScale!;
    expect(restart.cloudWrites).toBe(0);
    expect(restart.describeCalls).toBe(1);
    expect(restart.describeBudget).toBe(1);
    expect(restart.kubeWrites).toBe(0);
    expect(restart.kubeRequests).toEqual({ 'list eipclaims': 1, 'list eippools': 1, 'list namespaces': 1, 'list pods': 1 });
  });

  test('the table shows the restart section and the verdict', () => {
    const table = formatReport(result);
    expect(table).toContain('restart over seeded Bound claims');
    expect(table).toContain('cloud writes            0 (must be 0)');
    expect(table.split('\n').at(-1)).toBe('result: every invariant held');
  });
});

describe('make bench --scenario burst (4 pods on each provider)', () => {
  let result: BenchResult;
  beforeAll(async () => {
    result = await runBenchmark({ scenario: 'burst', provider: 'tencent', pods: 4, timeoutSeconds: 60 });
  }, 120_000);

  test('every claim binds on both providers, with no refused write and one allocation and association each', () => {
    expect(result.failures).toEqual([]);
    const burst = result.cloudScale!.burst!;
    expect(burst.unfinished).toEqual([]);
    expect(burst.providers.map(({ provider, floorSeconds, ratioToFloor, refusedDuplicates }) => ({ provider, floorSeconds, ratioToFloor, refusedDuplicates }))).toEqual([
      { provider: 'tencent', floorSeconds: 0, ratioToFloor: null, refusedDuplicates: 0 },
      { provider: 'alibaba', floorSeconds: 0, ratioToFloor: null, refusedDuplicates: 0 },
    ]);
    expect(burst.providers[0]!.bind.cloudCallsPerClaim).toMatchObject({ AllocateAddresses: 1, AssociateAddress: 1 });
    expect(burst.providers[1]!.bind.cloudCallsPerClaim).toMatchObject({ AllocateEipAddress: 1, AssociateEipAddress: 1 });
    expect(formatReport(result)).toContain('refused duplicate writes');
  });
});

test('make bench --scenario burst --provider alibaba runs on that provider only', async () => {
  const result = await runBenchmark({ scenario: 'burst', provider: 'alibaba', onlyProvider: 'alibaba', pods: 2, timeoutSeconds: 60 });
  expect(result.cloudScale!.burst!.providers.map(({ provider }) => provider)).toEqual(['alibaba']);
}, 120_000);

describe('make bench --scenario latency (2 pods, cloud steps of 1–3 s)', () => {
  let result: BenchResult;
  beforeAll(async () => {
    result = await runBenchmark({ scenario: 'latency', provider: 'tencent', pods: 2, timeoutSeconds: 60 });
  }, 120_000);

  test('each pod is timed, the cloud\'s own steps are taken out, and the table says so', () => {
    expect(result.failures.filter((failure) => !failure.startsWith('latency: p50 overhead'))).toEqual([]);
    const latency = result.cloudScale!.latency!;
    expect(latency.stepDelays).toEqual({ minMs: 1_000, maxMs: 3_000 });
    expect(latency.total.count).toBe(2);
    expect(latency.cloud.p50).toBeGreaterThanOrEqual(1_000);
    expect(latency.overhead.p50).toBe(latency.overhead.p50);
    expect(formatReport(result)).toContain('podeip overhead (the difference)');
  });
});
