import { SeededRandom } from '../../../hack/network/seeded-random.js';
import {
  ClientTokenStore,
  FaultInjector,
  InvalidFaultError,
  ManualClock,
  perMinute,
  perSecond,
  PublicIpPool,
  RateLimiter,
  TransitionScheduler,
} from '../../../hack/cloud/common/index.js';

describe('ManualClock', () => {
  it('fires due timers in order, at their due time, and not cancelled ones', () => {
    const clock = new ManualClock(1000);
    const fired: string[] = [];
    clock.setTimer(() => fired.push(`b@${clock.now()}`), 20);
    clock.setTimer(() => fired.push(`a@${clock.now()}`), 10);
    const cancelled = clock.setTimer(() => fired.push('never'), 5);
    clock.clearTimer(cancelled);
    clock.advance(15);
    expect(fired).toEqual(['a@1010']);
    clock.advance(10);
    expect(fired).toEqual(['a@1010', 'b@1020']);
    expect(clock.now()).toBe(1025);
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('RateLimiter', () => {
  it('lets a full bucket through, then one call per refill interval', () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ Write: perSecond(10) }, clock);
    const burst = Array.from({ length: 11 }, () => limiter.tryAcquire('Write'));
    expect(burst.filter(Boolean)).toHaveLength(10);
    expect(burst[10]).toBe(false);
    clock.advance(99);
    expect(limiter.tryAcquire('Write')).toBe(false);
    clock.advance(1);
    expect(limiter.tryAcquire('Write')).toBe(true);
    expect(limiter.tryAcquire('Unlimited')).toBe(true);
  });

  it('models per-minute limits as a bucket of that size refilled over a minute', () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ Allocate: perMinute(120) }, clock);
    expect(Array.from({ length: 121 }, () => limiter.tryAcquire('Allocate')).filter(Boolean)).toHaveLength(120);
    clock.advance(500);
    expect(limiter.tryAcquire('Allocate')).toBe(true);
    expect(limiter.tryAcquire('Allocate')).toBe(false);
  });
});

describe('FaultInjector', () => {
  it('fails the configured share of calls, the same calls for the same seed', async () => {
    const outcomes = async (seed: number) => {
      const faults = new FaultInjector(new SeededRandom(seed), new ManualClock());
      faults.set({ action: 'A', errorRate: 0.3, errorCode: 'Boom' });
      const results: boolean[] = [];
      for (let i = 0; i < 200; i++) results.push((await faults.apply('A')) !== undefined);
      return results;
    };
    const first = await outcomes(5);
    expect(await outcomes(5)).toEqual(first);
    const failures = first.filter(Boolean).length;
    expect(failures).toBeGreaterThan(40);
    expect(failures).toBeLessThan(80);
  });

  it('uses errorRate 1 when only a code is given, applies * to every action, and validates', async () => {
    const faults = new FaultInjector(new SeededRandom(1), new ManualClock());
    faults.set({ action: '*', errorCode: 'InternalError', errorMessage: 'down' });
    await expect(faults.apply('Anything')).resolves.toEqual({ code: 'InternalError', message: 'down' });
    faults.clear('*');
    await expect(faults.apply('Anything')).resolves.toBeUndefined();
    expect(() => faults.set({ action: 'A', errorRate: 1.5 })).toThrow(InvalidFaultError);
    expect(() => faults.set({ action: '' })).toThrow(InvalidFaultError);
  });

  it('holds hanging calls until cleared and reports when they are held', async () => {
    const faults = new FaultInjector(new SeededRandom(1), new ManualClock());
    faults.set({ action: 'A', hang: true });
    const held = faults.apply('A');
    await faults.untilHanging(1);
    faults.clear();
    await expect(held).resolves.toBeUndefined();
  });
});

describe('TransitionScheduler', () => {
  it('runs transitions after their delay and reports when all have run', async () => {
    const clock = new ManualClock();
    const scheduler = new TransitionScheduler(clock);
    const done: number[] = [];
    scheduler.schedule(30, () => done.push(30));
    scheduler.schedule(10, () => done.push(10));
    const settled = scheduler.settled();
    clock.advance(10);
    expect([done, scheduler.pendingCount()]).toEqual([[10], 1]);
    clock.advance(20);
    await settled;
    expect(done).toEqual([10, 30]);
  });

  it('drops pending transitions on cancelAll', async () => {
    const clock = new ManualClock();
    const scheduler = new TransitionScheduler(clock);
    scheduler.schedule(5, () => {
      throw new Error('must not run');
    });
    scheduler.cancelAll();
    await scheduler.settled();
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('ClientTokenStore and PublicIpPool', () => {
  it('returns the first result for a replayed token and runs untokened requests every time', () => {
    const store = new ClientTokenStore<number>();
    let runs = 0;
    const perform = () => ++runs;
    expect([store.once('t', perform), store.once('t', perform), store.once(undefined, perform)]).toEqual([1, 1, 2]);
    store.reset();
    expect(store.once('t', perform)).toBe(3);
  });

  it('hands out unique addresses from the documentation ranges, the same order for a seed', () => {
    const take = (seed: number) => {
      const pool = new PublicIpPool(new SeededRandom(seed));
      return Array.from({ length: 300 }, () => pool.take());
    };
    const addresses = take(9);
    expect(new Set(addresses).size).toBe(300);
    expect(addresses.every((ip) => /^(203\.0\.113|198\.51\.100)\.\d+$/.test(ip))).toBe(true);
    expect(take(9)).toEqual(addresses);
    const pool = new PublicIpPool(new SeededRandom(1));
    expect(pool.claim('203.0.113.5')).toBe(true);
    expect(pool.claim('203.0.113.5')).toBe(false);
  });
});
