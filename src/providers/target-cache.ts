/** Pod IP → ENI lookups, remembered for a while; concurrent lookups of one IP share one cloud call. */
import type { AddressTarget } from './provider.js';

interface Entry {
  target: AddressTarget;
  until: number;
}

export class TargetCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<AddressTarget | undefined>>();

  constructor(private readonly ttlMs: number) {}

  async resolve(privateIp: string, lookup: () => Promise<AddressTarget | undefined>): Promise<AddressTarget | undefined> {
    const cached = this.entries.get(privateIp);
    if (cached && cached.until > Date.now()) return cached.target;
    const pending = this.inFlight.get(privateIp) ?? this.lookupOnce(privateIp, lookup);
    return pending;
  }

  forget(privateIp: string): void {
    this.entries.delete(privateIp);
  }

  private lookupOnce(privateIp: string, lookup: () => Promise<AddressTarget | undefined>): Promise<AddressTarget | undefined> {
    const pending = lookup()
      .then((target) => {
        if (target) this.entries.set(privateIp, { target, until: Date.now() + this.ttlMs });
        return target;
      })
      .finally(() => this.inFlight.delete(privateIp));
    this.inFlight.set(privateIp, pending);
    return pending;
  }
}
