import { ActionRateLimiter } from '../../../src/providers/action-rate-limiter.js';

/**
 * These run on the system clock. Lower bounds follow from the token arithmetic whatever the load (tokens
 * accrued while a loaded machine was slow are counted in); the "at once" bounds are far below what the
 * spaced-out alternative would take, so a busy machine does not fail them.
 */
async function elapsedFor(limiter: ActionRateLimiter, action: string, calls: number): Promise<number> {
  const started = Date.now();
  for (let call = 0; call < calls; call++) await limiter.acquire(action);
  return Date.now() - started;
}

describe('ActionRateLimiter', () => {
  const limiter = new ActionRateLimiter({ perSecond: { Describe: 20 }, defaultPerSecond: 10 });
  afterAll(() => limiter.close());

  test('a burst up to the rate goes out at once; beyond it requests are spaced at the rate', async () => {
    const burst = await elapsedFor(limiter, 'Allocate', 10);
    // Spaced at 10/s, ten would take 900 ms.
    expect(burst).toBeLessThan(450);
    // Three more need 300 ms of refill at 10/s, less what accrued during the burst.
    expect(await elapsedFor(limiter, 'Allocate', 3)).toBeGreaterThanOrEqual(290 - burst);
  });

  test('each action has its own bucket and rate', async () => {
    // Spaced out, these would take 950 and 900 ms.
    expect(await elapsedFor(limiter, 'Describe', 20)).toBeLessThan(450);
    expect(await elapsedFor(limiter, 'Associate', 10)).toBeLessThan(450);
  });

  test('a throttled reply halves the action\'s rate', async () => {
    const burst = await elapsedFor(limiter, 'Release', 10);
    limiter.throttled('Release');
    limiter.throttled('Release');
    // 5/s after one halving (the second throttle inside the same second does not count again): three tokens
    // take 600 ms, less the one the burst time may have earned at 10/s.
    const elapsed = await elapsedFor(limiter, 'Release', 3);
    expect(elapsed).toBeGreaterThanOrEqual(590 - 2 * burst);
    expect(elapsed).toBeLessThan(3_000);
  });

  test('an action with a burst sends that many at once, then keeps to the average rate', async () => {
    const perMinute = new ActionRateLimiter({ perSecond: { Allocate: 20 }, defaultPerSecond: 10, burst: { Allocate: 60 } });
    try {
      const burst = await elapsedFor(perMinute, 'Allocate', 60);
      // Spaced at 20/s, sixty would take 2.95 s.
      expect(burst).toBeLessThan(1_000);
      // Three more at 20/s: 150 ms, less what accrued during the burst.
      const elapsed = await elapsedFor(perMinute, 'Allocate', 3);
      expect(elapsed).toBeGreaterThanOrEqual(140 - burst);
      expect(elapsed).toBeLessThan(3_000);
    } finally {
      perMinute.close();
    }
  });
});
