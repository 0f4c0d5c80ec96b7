/**
 * `make bench ARGS="--scenario pool"` run small (N=5) on both providers so it cannot rot: the pool
 * fills before the warm binds, a warm bind makes no allocate call and one associate, the allocating
 * half makes one of each, and the table and JSON say so.
 */
import { runBenchmark, type BenchResult } from '../../hack/bench/benchmark.js';
import { succeeded } from '../../hack/bench/call-counts.js';
import { formatReport } from '../../hack/bench/report-table.js';

const PODS = 5;
const CASES = [
  { provider: 'tencent' as const, allocate: 'AllocateAddresses', associate: 'AssociateAddress' },
  { provider: 'alibaba' as const, allocate: 'AllocateEipAddress', associate: 'AssociateEipAddress' },
];

describe.each(CASES)('make bench --scenario pool ($provider, 5 pods)', ({ provider, allocate, associate }) => {
  let result: BenchResult;
  beforeAll(async () => {
    result = await runBenchmark({ scenario: 'pool', provider, pods: PODS, timeoutSeconds: 30 });
  }, 60_000);

  test('both halves ran and every invariant held', () => {
    expect(result.failures).toEqual([]);
    expect(result.scenario).toBe('pool');
    expect(result.bind).toBeUndefined();
    expect(result.pool!.fill.allocateCalls).toBe(PODS);
  });

  test('warm binds: no allocate call at all, one association per pod, every claim timed', () => {
    const { warm } = result.pool!;
    expect(warm.allocateCalls).toBe(0);
    expect(warm.perPod.allocate).toBe(0);
    expect(succeeded(warm.bind.cloudCalls, associate)).toBe(PODS);
    expect(warm.bind.observed.count).toBe(PODS);
    expect(warm.p50BindSeconds).toBe(warm.bind.observed.p50);
    expect(warm.bind.floorSeconds).toBe(0);
  });

  test('allocating binds: one allocation and one association per pod', () => {
    const { allocating } = result.pool!;
    expect(succeeded(allocating.bind.cloudCalls, allocate)).toBe(PODS);
    expect(succeeded(allocating.bind.cloudCalls, associate)).toBe(PODS);
    expect(allocating.perPod.allocate).toBe(1);
    expect(allocating.bind.observed.count).toBe(PODS);
  });

  test('the table compares both halves, the JSON carries the same figures', () => {
    const table = formatReport(result);
    expect(table).toContain(`podeip benchmark — ${provider}, ${PODS} pods, pool scenario`);
    expect(table).toContain(`before the warm binds: EIPPool of ${PODS} spares (minAvailable = maxSize = ${PODS}) filled in ${result.pool!.fill.seconds} s with ${PODS} allocate calls`);
    expect(table).toMatch(/\n {2}allocate calls per pod {3}0 \(must be 0\) {2}1\n/);
    expect(table.split('\n').at(-1)).toBe('result: every invariant held');
    const json = JSON.parse(JSON.stringify(result)) as BenchResult;
    expect(json.pool!.warm.perPod).toEqual(result.pool!.warm.perPod);
  });
});
