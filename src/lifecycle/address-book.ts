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
  /** Per address, the invalidation count at its last invalidate: a read that began earlier must not overwrite the cache. */
  private readonly invalidatedAt = new Map<string, number>();
  private invalidations = 0;
  private readsInFlight = 0;
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

  /** The last thing known about an address, however old; never reads the cloud. */
  known(addressId: string): CloudAddress | undefined {
    return this.entries.get(addressId)?.address;
  }

  /** Reads every address carrying these tags (one describe) and caches what it learns. */
  readTagged(tags: Record<string, string>): Promise<CloudAddress[]> {
    return this.reading(async (learn) => {
      const found = await this.provider.describeByTags(tags);
      for (const address of found) learn(address.id, address);
      return found;
    });
  }

  /** Always reads the cloud (batched with every other read of this moment). */
  refresh(addressId: string): Promise<CloudAddress | undefined> {
    return this.fetch(addressId);
  }

  invalidate(addressId: string): void {
    this.invalidatedAt.set(addressId, ++this.invalidations);
    const entry = this.entries.get(addressId);
    if (entry) entry.stale = true;
  }

  /**
   * A cloud write on an address. What was known before it is stale, and so is what a read learned
   * while the write waited for its rate-limit token: a sync passing then still saw the old state.
   */
  async changing<T>(addressId: string, write: () => Promise<T>): Promise<T> {
    this.invalidate(addressId);
    try {
      return await write();
    } finally {
      this.invalidate(addressId);
    }
  }

  /** For an address podeip released: nothing more to know about it. */
  forget(addressId: string): void {
    this.invalidate(addressId);
    this.entries.delete(addressId);
  }

  /** Every address tagged for this cluster, as of the last sync. */
  tagged(): CloudAddress[] {
    return this.taggedSnapshot;
  }

  /** Reads every cluster-tagged address and the given static ones (minus those already seen). */
  async sync(staticIds: string[]): Promise<void> {
    await this.reading(async (learn) => {
      const tagged = await this.provider.describeByTags({ [CLUSTER_TAG]: this.clusterId });
      const seen = new Set(tagged.map((address) => address.id));
      const missing = staticIds.filter((id) => !seen.has(id));
      const statics = missing.length > 0 ? await this.describeTolerant(missing) : [];
      this.taggedSnapshot = tagged;
      const found = new Set([...seen, ...statics.map((address) => address.id)]);
      // Entries the sync did not read (a pool's static addresses, among others) are read again when asked for; known() still has them.
      for (const [id, entry] of this.entries) if (!found.has(id)) entry.stale = true;
      for (const address of [...tagged, ...statics]) learn(address.id, address);
    });
  }

  /** Runs a cloud read whose findings go to the cache only for addresses not invalidated since it began. */
  private async reading<T>(read: (learn: (addressId: string, address: CloudAddress | undefined) => void) => Promise<T>): Promise<T> {
    const startedAt = this.invalidations;
    this.readsInFlight += 1;
    const learn = (addressId: string, address: CloudAddress | undefined) => {
      if ((this.invalidatedAt.get(addressId) ?? 0) <= startedAt) this.entries.set(addressId, { address, stale: false });
    };
    try {
      return await read(learn);
    } finally {
      this.readsInFlight -= 1;
      // With no read in flight, no later read can have begun before any invalidation recorded so far.
      if (this.readsInFlight === 0) this.invalidatedAt.clear();
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
      await this.reading(async (learn) => {
        const found = new Map((await this.describeTolerant(ids)).map((address) => [address.id, address]));
        for (const [id, waiters] of batch) {
          const address = found.get(id);
          learn(id, address);
          for (const waiter of waiters) waiter.resolve(address);
        }
      });
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    } finally {
      this.flushing = false;
      this.scheduleFlush();
    }
  }

  /**
   * SPEC §3.4: one claim's bad id must not fail everyone's read. A batch the cloud refuses because of
   * the ids it names (one unknown, or one it calls malformed) is split in halves until the offending
   * ids stand alone; those read as absent, every other id as the cloud reports it.
   */
  private async describeTolerant(ids: string[]): Promise<CloudAddress[]> {
    try {
      return await this.provider.describeByIds(ids);
    } catch (error) {
      if (!isRefusalOfIds(error)) throw error;
      if (ids.length === 1) return [];
      const middle = Math.ceil(ids.length / 2);
      const halves = await Promise.all([this.describeTolerant(ids.slice(0, middle)), this.describeTolerant(ids.slice(middle))]);
      return halves.flat();
    }
  }
}

/** Only a refusal the provider ties to the ids (CloudError.concernsIds): any other failure says nothing about whether an address exists. */
function isRefusalOfIds(error: unknown): boolean {
  return isCloudError(error) && error.concernsIds;
}
