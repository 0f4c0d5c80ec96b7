/**
 * podeip's view of cloud addresses, read in batches: a periodic sync (every address tagged for this
 * cluster, plus the static ones claims name) and on-demand reads that coalesce every id asked for in
 * the same moment, or while the previous read is still waiting for its rate-limit token or answer,
 * into one describe call. Reconcilers read from here, never one call per claim: in a burst, one
 * describe per claim would make the describe limit, not the write limits, set the pace.
 */
import { isCloudError } from '../providers/cloud-error.js';
import type { CloudAddress, Provider } from '../providers/provider.js';

interface Entry {
  /** undefined: the cloud does not know this id. */
  address: CloudAddress | undefined;
  stale: boolean;
}

interface Waiter {
  resolve(address: CloudAddress | undefined): void;
  reject(error: unknown): void;
}

export const CLUSTER_TAG = 'podeip.io/cluster';
export const CLAIM_UID_TAG = 'podeip.io/claim-uid';
export const NAMESPACE_TAG = 'podeip.io/namespace';
export const NAME_TAG = 'podeip.io/name';

export class AddressBook {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every invalidate, so a sync that started earlier cannot overwrite newer knowledge. */
  private readonly epochs = new Map<string, number>();
  private readonly waiting = new Map<string, Waiter[]>();
  private flushScheduled = false;
  private flushing = false;
  private taggedSnapshot: CloudAddress[] = [];

  constructor(
    private readonly provider: Provider,
    private readonly clusterId: string,
  ) {}

  /** Cached view; reads the cloud (batched) when unknown or invalidated. */
  get(addressId: string): Promise<CloudAddress | undefined> {
    const entry = this.entries.get(addressId);
    if (entry && !entry.stale) return Promise.resolve(entry.address);
    return this.fetch(addressId);
  }

  /** Always reads the cloud (batched with every other read of this moment). */
  refresh(addressId: string): Promise<CloudAddress | undefined> {
    return this.fetch(addressId);
  }

  invalidate(addressId: string): void {
    this.epochs.set(addressId, (this.epochs.get(addressId) ?? 0) + 1);
    const entry = this.entries.get(addressId);
    if (entry) entry.stale = true;
  }

  /** For an address podeip released: nothing more to know about it. */
  forget(addressId: string): void {
    this.entries.delete(addressId);
    this.epochs.delete(addressId);
  }

  /** Every address tagged for this cluster, as of the last sync. */
  tagged(): CloudAddress[] {
    return this.taggedSnapshot;
  }

  /** Reads every cluster-tagged address and the given static ones (minus those already seen). */
  async sync(staticIds: string[]): Promise<void> {
    const epochsAtStart = new Map(this.epochs);
    const tagged = await this.provider.describeByTags({ [CLUSTER_TAG]: this.clusterId });
    const seen = new Set(tagged.map((address) => address.id));
    const missing = staticIds.filter((id) => !seen.has(id));
    const statics = missing.length > 0 ? await this.describeTolerant(missing) : [];
    this.taggedSnapshot = tagged;
    const found = new Set([...seen, ...statics.map((address) => address.id)]);
    for (const [id, entry] of this.entries) if (!found.has(id)) entry.stale = true;
    for (const address of [...tagged, ...statics]) {
      if ((this.epochs.get(address.id) ?? 0) === (epochsAtStart.get(address.id) ?? 0)) {
        this.entries.set(address.id, { address, stale: false });
      }
    }
  }

  private fetch(addressId: string): Promise<CloudAddress | undefined> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(addressId) ?? [];
      waiters.push({ resolve, reject });
      this.waiting.set(addressId, waiters);
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.flushing || this.waiting.size === 0) return;
    this.flushScheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    this.flushing = true;
    const batch = new Map(this.waiting);
    this.waiting.clear();
    const ids = [...batch.keys()];
    try {
      const found = new Map((await this.describeTolerant(ids)).map((address) => [address.id, address]));
      for (const [id, waiters] of batch) {
        const address = found.get(id);
        this.entries.set(id, { address, stale: false });
        for (const waiter of waiters) waiter.resolve(address);
      }
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    } finally {
      this.flushing = false;
      this.scheduleFlush();
    }
  }

  /** A batch that fails as a whole on one unknown id is retried id by id. */
  private async describeTolerant(ids: string[]): Promise<CloudAddress[]> {
    try {
      return await this.provider.describeByIds(ids);
    } catch (error) {
      if (!isCloudError(error) || error.kind !== 'not-found') throw error;
      if (ids.length === 1) return [];
      const singles = await Promise.all(ids.map((id) => this.describeTolerant([id])));
      return singles.flat();
    }
  }
}
