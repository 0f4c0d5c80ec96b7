/**
 * Runs the real benchmark small (N=10 Tencent, N=4 Alibaba) so `make bench` cannot rot: every
 * phase finishes, the invariants hold, and the figures that do not depend on the machine are exact.
 */
import { runBenchmark, type BenchResult } from '../../hack/bench/benchmark.js';
import { formatReport } from '../../hack/bench/report-table.js';

const CASES = [
  { provider: 'tencent' as const, pods: 10, allocate: 'AllocateAddresses', associate: 'AssociateAddress', disassociate: 'DisassociateAddress', floor: 1 },
  { provider: 'alibaba' as const, pods: 4, allocate: 'AllocateEipAddress', associate: 'AssociateEipAddress', disassociate: 'UnassociateEipAddress', floor: 2 },
];

describe.each(CASES)('make bench ($provider, $pods pods)', ({ provider, pods, allocate, associate, disassociate, floor }) => {
  let result: BenchResult;
  beforeAll(async () => {
    result = await runBenchmark({ provider, pods, timeoutSeconds: 30 });
  }, 60_000);

  test('every phase ran and every invariant held', () => {
    expect(result.failures).toEqual([]);
    expect(result.provider).toBe(provider);
    expect(result.pods).toBe(pods);
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(result.machine.node).toBe(process.version);
  });

  test('bind: one allocation and one association per claim, timed for every claim', () => {
    const bind = result.bind!;
    expect(bind.cloudCallsPerClaim[allocate]).toBe(1);
    expect(bind.cloudCallsPerClaim[associate]).toBe(1);
    expect(bind.kubeRequestsPerClaim['create eipclaims']).toBe(1);
    expect(bind.floorSeconds).toBe(floor);
    expect(bind.ratioToFloor).toBeCloseTo(bind.seconds / floor, 1);
    expect(bind.observed.count).toBe(pods);
    expect(bind.controllerHistogram.count).toBe(pods);
    expect(bind.observed.max).toBeLessThanOrEqual(bind.seconds);
  });

  test('restart: no write anywhere, one describe page', () => {
    const restart = result.restart!;
    expect(restart.cloudWrites).toBe(0);
    expect(restart.describeCalls).toBe(1);
    expect(restart.describeBudget).toBe(1);
    expect(restart.kubeWrites).toBe(0);
    expect(restart.kubeRequests).toEqual({ 'list eipclaims': 1, 'list pods': 1 });
  });

  test('churn: the same addresses move to the new pods without allocating', () => {
    const churn = result.churn!;
    expect(churn.newAllocations).toBe(0);
    expect(churn.changedAddresses).toBe(0);
    expect(churn.cloudCallsPerClaim[associate]).toBe(1);
    expect(churn.cloudCallsPerClaim[disassociate]).toBe(1);
    expect(churn.floorSeconds).toBe(floor);
    expect(churn.observed.count).toBe(pods);
  });

  test('the table names every phase and the verdict', () => {
    const table = formatReport(result);
    expect(table).toContain(`podeip benchmark — ${provider}, ${pods} pods`);
    expect(table).toContain(`cloud writes         0 (must be 0)`);
    expect(table).toContain(`new allocations    0 (must be 0)`);
    expect(table.split('\n').at(-1)).toBe('result: every invariant held');
  });
});
