/**
 * Runs the real benchmark small (N=12 Tencent, N=4 Alibaba) so `make bench` cannot rot: every
 * phase finishes, the invariants hold, and the figures that do not depend on the machine are exact.
 */
import { runBenchmark, type BenchResult } from '../../hack/bench/benchmark.js';
import { succeeded } from '../../hack/bench/call-counts.js';
import { formatReport } from '../../hack/bench/report-table.js';

const CASES = [
  { provider: 'tencent' as const, pods: 12, allocate: 'AllocateAddresses', associate: 'AssociateAddress', disassociate: 'DisassociateAddress', floor: 0.2, quiet: 1 },
  { provider: 'alibaba' as const, pods: 4, allocate: 'AllocateEipAddress', associate: 'AssociateEipAddress', disassociate: 'UnassociateEipAddress', floor: 0, quiet: 2 },
];

describe.each(CASES)('make bench ($provider, $pods pods)', ({ provider, pods, allocate, associate, disassociate, floor, quiet }) => {
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

  test('bind: one successful allocation and association per claim, timed for every claim', () => {
    const bind = result.bind!;
    expect(succeeded(bind.cloudCalls, allocate)).toBe(pods);
    expect(succeeded(bind.cloudCalls, associate)).toBe(pods);
    expect(bind.kubeRequestsPerClaim['create eipclaims']).toBe(1);
    expect(bind.floorSeconds).toBe(floor);
    if (floor > 0) expect(bind.ratioToFloor).toBeCloseTo(bind.seconds / floor, 1);
    else expect(bind.ratioToFloor).toBeNull();
    expect(bind.observed.count).toBe(pods);
    expect(bind.controllerHistogram.count).toBe(pods);
    expect(bind.observed.max).toBeLessThanOrEqual(bind.seconds);
  });

  test('restart: no write anywhere, one describe page, one list per informer', () => {
    const restart = result.restart!;
    expect(restart.cloudWrites).toBe(0);
    expect(restart.describeCalls).toBe(1);
    expect(restart.describeBudget).toBe(1);
    expect(restart.kubeWrites).toBe(0);
    const { 'get customresourcedefinitions': crdChecks = 0, ...lists } = restart.kubeRequests;
    expect(lists).toEqual({ 'list eipclaims': 1, 'list eippools': 1, 'list namespaces': 1, 'list pods': 1 });
    // PodEIP compatibility (SPEC §11, Alibaba) looks up its CRD at start and every 30 s.
    if (provider === 'alibaba') expect(crdChecks).toBeGreaterThanOrEqual(1);
    else expect(crdChecks).toBe(0);
  });

  test('churn: the same addresses move to the new pods with one disassociation and association each, no allocation', () => {
    const churn = result.churn!;
    expect(churn.newAllocations).toBe(0);
    expect(churn.changedAddresses).toBe(0);
    expect(succeeded(churn.cloudCalls, associate)).toBe(pods);
    expect(succeeded(churn.cloudCalls, disassociate)).toBe(pods);
    expect(churn.floorSeconds).toBe(floor);
    expect(churn.observed.count).toBe(pods);
  });

  test('the table names every phase and the verdict', () => {
    const table = formatReport(result);
    expect(table).toContain(`podeip benchmark — ${provider}, ${pods} pods`);
    expect(table).toContain(`cloud writes         0 (must be 0)`);
    expect(table).toContain(`new allocations      0 (must be 0)`);
    expect(table).toContain(`quiet period before  ${quiet} s (the associate burst bind spent, refilled)`);
    expect(table.split('\n').at(-1)).toBe('result: every invariant held');
  });
});
