import { ActionRateLimiter } from '../../../src/providers/action-rate-limiter.js';

async function elapsedFor(limiter: ActionRateLimiter, action: string, calls: number): Promise<number> {
  const started = Date.now();
  for (let call = 0; call < calls; call++) await limiter.acquire(action);
  return Date.now() - started;
}

describe('ActionRateLimiter', () => {
  const limiter = new ActionRateLimiter({ perSecond: { Describe: 20 }, defaultPerSecond: 10 });
  afterAll(() => limiter.close());

  test('a burst up to the rate goes out at once; beyond it requests are spaced at the rate', async () => {
    expect(await elapsedFor(limiter, 'Allocate', 10)).toBeLessThan(50);
    expect(await elapsedFor(limiter, 'Allocate', 3)).toBeGreaterThanOrEqual(250);
  });

  test('each action has its own bucket and rate', async () => {
    expect(await elapsedFor(limiter, 'Describe', 20)).toBeLessThan(50);
    expect(await elapsedFor(limiter, 'Associate', 10)).toBeLessThan(50);
  });

  test('a throttled reply halves the action\'s rate', async () => {
    await elapsedFor(limiter, 'Release', 10);
    limiter.throttled('Release');
    limiter.throttled('Release');
    // 5/s after one halving (the second throttle inside the same second does not count again).
    const elapsed = await elapsedFor(limiter, 'Release', 3);
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(1500);
  });

  test('an action with a burst sends that many at once, then keeps to the average rate', async () => {
    const perMinute = new ActionRateLimiter({ perSecond: { Allocate: 20 }, defaultPerSecond: 10, burst: { Allocate: 60 } });
    try {
      expect(await elapsedFor(perMinute, 'Allocate', 60)).toBeLessThan(50);
      // Three more at 20/s: 150 ms.
      const elapsed = await elapsedFor(perMinute, 'Allocate', 3);
      expect(elapsed).toBeGreaterThanOrEqual(140);
      expect(elapsed).toBeLessThan(400);
    } finally {
      perMinute.close();
    }
  });
});
