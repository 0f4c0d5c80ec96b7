/**
 * Pod IP → ENI lookups, remembered for a while; concurrent lookups of one IP share one cloud call.
 * An IP no ENI holds (a non-VPC-native CNI, a hostNetwork pod) is remembered too, for a time that
 * doubles with each failed lookup, so a thousand such pods do not each ask the cloud on every poll.
 */
import type { AddressTarget } from './provider.js';

export interface TargetCacheOptions {
  /** How long a found ENI is trusted. */
  ttlMs: number;
  /** How long an IP no ENI held is not looked up again, after the first failed lookup; default 5 s. */
  missInitialMs?: number;
  /** The longest such wait; default 5 min. */
  missMaxMs?: number;
  /** Milliseconds since the epoch; default Date.now. */
  now?: () => number;
}

interface Found {
  target: AddressTarget;
  until: number;
}

interface Missing {
  /** Failed lookups in a row. */
  misses: number;
  until: number;
}

export class TargetCache {
  private readonly found = new Map<string, Found>();
  private readonly missing = new Map<string, Missing>();
  private readonly inFlight = new Map<string, Promise<AddressTarget | undefined>>();
  private readonly ttlMs: number;
  private readonly missInitialMs: number;
  private readonly missMaxMs: number;
  private readonly now: () => number;

  constructor(options: TargetCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.missInitialMs = options.missInitialMs ?? 5_000;
    this.missMaxMs = options.missMaxMs ?? 300_000;
    this.now = options.now ?? Date.now;
  }

  async resolve(privateIp: string, lookup: () => Promise<AddressTarget | undefined>): Promise<AddressTarget | undefined> {
    const found = this.found.get(privateIp);
    if (found && found.until > this.now()) return found.target;
    const missing = this.missing.get(privateIp);
    if (missing && missing.until > this.now()) return undefined;
    return this.inFlight.get(privateIp) ?? this.lookupOnce(privateIp, lookup);
  }

  /** The next resolve asks the cloud again, whatever was remembered. */
  forget(privateIp: string): void {
    this.found.delete(privateIp);
    this.missing.delete(privateIp);
  }

  private lookupOnce(privateIp: string, lookup: () => Promise<AddressTarget | undefined>): Promise<AddressTarget | undefined> {
    this.dropStale();
    const pending = lookup()
      .then((target) => {
        if (target) this.remember(privateIp, target);
        else this.rememberMiss(privateIp);
        return target;
      })
      .finally(() => this.inFlight.delete(privateIp));
    this.inFlight.set(privateIp, pending);
    return pending;
  }

  /** IPs of pods long gone are never asked for again; a miss is kept a while past its wait so its backoff keeps growing. */
  private dropStale(): void {
    const now = this.now();
    for (const [ip, entry] of this.found) if (entry.until <= now) this.found.delete(ip);
    for (const [ip, entry] of this.missing) if (entry.until + this.missMaxMs <= now) this.missing.delete(ip);
  }

  private remember(privateIp: string, target: AddressTarget): void {
    this.missing.delete(privateIp);
    this.found.set(privateIp, { target, until: this.now() + this.ttlMs });
  }

  private rememberMiss(privateIp: string): void {
    this.found.delete(privateIp);
    const misses = (this.missing.get(privateIp)?.misses ?? 0) + 1;
    const waitMs = Math.min(this.missInitialMs * 2 ** Math.min(misses - 1, 30), this.missMaxMs);
    this.missing.set(privateIp, { misses, until: this.now() + waitMs });
  }
}
