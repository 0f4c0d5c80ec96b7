import { associateRefillSeconds, BENCH_PROVIDERS, bindFloorSeconds, rebindFloorSeconds } from '../../hack/bench/bench-providers.js';

describe('the rate-limit floors the benchmark reports against', () => {
  test.each([
    { name: 'tencent', claims: 200, bind: 19, rebind: 19 },
    { name: 'tencent', claims: 10, bind: 0, rebind: 0 },
    { name: 'alibaba', claims: 200, bind: 40, rebind: 40 },
    { name: 'alibaba', claims: 120, bind: 0, rebind: 0 },
    { name: 'alibaba', claims: 500, bind: 190, rebind: 190 },
  ] as const)('$name, $claims claims: bind $bind s, re-bind $rebind s', ({ name, claims, bind, rebind }) => {
    expect(bindFloorSeconds(BENCH_PROVIDERS[name], claims)).toBe(bind);
    expect(rebindFloorSeconds(BENCH_PROVIDERS[name], claims)).toBe(rebind);
  });
});

describe('the quiet period before churn, which wins back the associate burst bind spent', () => {
  test.each([
    { name: 'tencent', claims: 200, seconds: 1 },
    { name: 'tencent', claims: 5, seconds: 0.5 },
    { name: 'alibaba', claims: 200, seconds: 60 },
    { name: 'alibaba', claims: 4, seconds: 2 },
  ] as const)('$name, $claims claims: $seconds s', ({ name, claims, seconds }) => {
    expect(associateRefillSeconds(BENCH_PROVIDERS[name], claims)).toBe(seconds);
  });
});
