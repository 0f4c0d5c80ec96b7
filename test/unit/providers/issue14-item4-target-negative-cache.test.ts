import { describe, expect, it } from '@jest/globals';
import type { AddressTarget } from '../../../src/providers/provider.js';
import { TargetCache } from '../../../src/providers/target-cache.js';

const IP = '10.0.1.5';
const ENI: AddressTarget = { networkInterfaceId: 'eni-11111111', privateIp: IP };

/** A lookup that answers from `holder` and counts how often it was asked. */
function lookupOf(holder: { target: AddressTarget | undefined }) {
  const lookup = async () => {
    lookup.calls += 1;
    return holder.target;
  };
  lookup.calls = 0;
  return lookup;
}

function cacheAt(time: { now: number }, options: { ttlMs?: number } = {}): TargetCache {
  return new TargetCache({ ttlMs: options.ttlMs ?? 300_000, now: () => time.now });
}

describe('TargetCache remembers a pod IP no ENI holds (issue 14 item 4)', () => {
  it('asks again only after 5 s, 10 s, 20 s, ... doubling up to 5 min', async () => {
    const time = { now: 1_000_000 };
    const cache = cacheAt(time);
    const lookup = lookupOf({ target: undefined });
    const askedAt: number[] = [];
    // Poll every second for an hour of fake time; note when the cloud is asked.
    for (let second = 0; second <= 3_600; second += 1) {
      time.now = 1_000_000 + second * 1_000;
      const before = lookup.calls;
      expect(await cache.resolve(IP, lookup)).toBeUndefined();
      if (lookup.calls > before) askedAt.push(second);
    }
    const gaps = askedAt.slice(1).map((second, index) => second - askedAt[index]!);
    expect(askedAt.slice(0, 8)).toEqual([0, 5, 15, 35, 75, 155, 315, 615]);
    expect(gaps.slice(0, 7)).toEqual([5, 10, 20, 40, 80, 160, 300]);
    expect(new Set(gaps.slice(6))).toEqual(new Set([300]));
    expect(lookup.calls).toBe(askedAt.length);
  });

  it('a found ENI is trusted for the TTL, as before', async () => {
    const time = { now: 0 };
    const cache = cacheAt(time, { ttlMs: 60_000 });
    const lookup = lookupOf({ target: ENI });
    expect(await cache.resolve(IP, lookup)).toEqual(ENI);
    time.now = 59_999;
    expect(await cache.resolve(IP, lookup)).toEqual(ENI);
    expect(lookup.calls).toBe(1);
    time.now = 60_000;
    expect(await cache.resolve(IP, lookup)).toEqual(ENI);
    expect(lookup.calls).toBe(2);
  });

  it('an IP that gets an ENI later is found at the next allowed lookup, and the backoff starts over after it', async () => {
    const time = { now: 0 };
    const holder: { target: AddressTarget | undefined } = { target: undefined };
    const cache = cacheAt(time, { ttlMs: 60_000 });
    const lookup = lookupOf(holder);
    await cache.resolve(IP, lookup);
    time.now = 5_000;
    await cache.resolve(IP, lookup);
    holder.target = ENI;
    time.now = 14_999;
    expect(await cache.resolve(IP, lookup)).toBeUndefined();
    time.now = 15_000;
    expect(await cache.resolve(IP, lookup)).toEqual(ENI);
    expect(lookup.calls).toBe(3);
    holder.target = undefined;
    time.now = 75_000;
    expect(await cache.resolve(IP, lookup)).toBeUndefined();
    time.now = 79_999;
    expect(await cache.resolve(IP, lookup)).toBeUndefined();
    time.now = 80_000;
    await cache.resolve(IP, lookup);
    expect(lookup.calls).toBe(5);
  });

  it('forget() clears a remembered miss as well as a remembered ENI', async () => {
    const time = { now: 0 };
    const holder: { target: AddressTarget | undefined } = { target: undefined };
    const cache = cacheAt(time);
    const lookup = lookupOf(holder);
    await cache.resolve(IP, lookup);
    cache.forget(IP);
    holder.target = ENI;
    expect(await cache.resolve(IP, lookup)).toEqual(ENI);
    cache.forget(IP);
    holder.target = undefined;
    expect(await cache.resolve(IP, lookup)).toBeUndefined();
    expect(lookup.calls).toBe(3);
  });

  it('concurrent lookups of one IP share one call, found or not', async () => {
    const cache = cacheAt({ now: 0 });
    const lookup = lookupOf({ target: undefined });
    expect(await Promise.all([cache.resolve(IP, lookup), cache.resolve(IP, lookup), cache.resolve(IP, lookup)])).toEqual([undefined, undefined, undefined]);
    expect(lookup.calls).toBe(1);
  });

  it('each IP has its own backoff', async () => {
    const time = { now: 0 };
    const cache = cacheAt(time);
    const lookup = lookupOf({ target: undefined });
    await cache.resolve(IP, lookup);
    time.now = 5_000;
    await cache.resolve(IP, lookup);
    await cache.resolve('10.0.1.6', lookup);
    time.now = 10_000;
    await cache.resolve(IP, lookup);
    await cache.resolve('10.0.1.6', lookup);
    expect(lookup.calls).toBe(4);
  });
});
