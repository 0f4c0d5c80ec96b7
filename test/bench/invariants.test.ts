import { brokenInvariants, type BenchResult } from '../../hack/bench/benchmark.js';
import type { ChurnResult } from '../../hack/bench/churn-phase.js';
import type { PoolScenarioResult } from '../../hack/bench/pool-scenario.js';
import type { RestartResult } from '../../hack/bench/restart-phase.js';

const restart = (changes: Partial<RestartResult>) => ({ cloudWrites: 0, describeCalls: 2, describeBudget: 2, ...changes }) as RestartResult;
const churn = (changes: Partial<ChurnResult>) => ({ newAllocations: 0, changedAddresses: 0, ...changes }) as ChurnResult;
const result = (parts: Partial<BenchResult>) => parts as BenchResult;

describe('brokenInvariants', () => {
  test('nothing broken when the restart writes nothing within its describe budget and churn allocates nothing', () => {
    expect(brokenInvariants(result({ restart: restart({}), churn: churn({}) }))).toEqual([]);
  });

  test('each broken invariant is named with its figure', () => {
    const broken = brokenInvariants(result({ restart: restart({ cloudWrites: 3, describeCalls: 4 }), churn: churn({ newAllocations: 2, changedAddresses: 1 }) }));
    expect(broken).toEqual([
      'restart made 3 cloud writes (must be 0)',
      'restart made 4 describe calls (at most 2)',
      'churn allocated 2 new addresses (must be 0)',
      'churn changed the address of 1 claims (must be 0)',
    ]);
  });

  test('a warm pool bind that allocated is broken', () => {
    const pool = (allocateCalls: number) => ({ warm: { allocateCalls } }) as PoolScenarioResult;
    expect(brokenInvariants(result({ pool: pool(0) }))).toEqual([]);
    expect(brokenInvariants(result({ pool: pool(2) }))).toEqual(['warm binds made 2 allocate calls (must be 0)']);
  });

  test('phases that did not run are not judged', () => {
    expect(brokenInvariants(result({}))).toEqual([]);
  });
});
