/**
 * SPEC §10 as one process sees it: which addresses each EIPPool lends, which pods it admits, which
 * addresses are free, and handing one to a claim. Handing out is synchronous (choose and reserve in
 * one step), so two claims racing for the last address cannot both get it; the reservation ends once
 * the claim's status records the address (or the write failed). An address is free only when no
 * claim holds or names it and the cloud last said it is unbound: a returned address is unbound first.
 */
import type { EIPClaim } from '../k8s/eipclaim.js';
import { isRefused, keyOf } from '../k8s/eipclaim.js';
import type { EIPPool } from '../k8s/eippool.js';
import { selectorMatches } from '../k8s/label-selector.js';
import type { PodView } from '../k8s/pod-view.js';
import type { CloudAddress } from '../providers/provider.js';

export interface PoolReaders {
  pools: { get(name: string): EIPPool | undefined; list(): EIPPool[] };
  claims: { list(): EIPClaim[] };
  namespaces: { get(name: string): { labels: Record<string, string> } | undefined };
  /** The cloud's last word on an address (may be stale; never a cloud call). */
  knownAddress(addressId: string): CloudAddress | undefined;
}

export interface PoolMember {
  addressId: string;
  ownership: 'Owned' | 'Static';
}

export type PoolRefusal = { problem: string } | undefined;

export class PoolBook {
  /** Per pool, its owned addresses as the pool reconciler last read them (tagged podeip.io/pool). */
  private readonly ownedByPool = new Map<string, CloudAddress[]>();
  /** address id → claim key: handed out, not yet on the claim's status. */
  private readonly reserved = new Map<string, string>();
  /** claim key → the address a claim of that name last held, preferred when it comes back. */
  private readonly lastHeld = new Map<string, string>();

  constructor(private readonly readers: PoolReaders) {}

  pool(name: string): EIPPool | undefined {
    return this.readers.pools.get(name);
  }

  recordOwned(pool: string, owned: CloudAddress[]): void {
    if (owned.length === 0) this.ownedByPool.delete(pool);
    else this.ownedByPool.set(pool, owned);
  }

  owned(pool: string): CloudAddress[] {
    return this.ownedByPool.get(pool) ?? [];
  }

  /**
   * The pool's static addresses (those no older pool lists: an address is in at most one pool) and its
   * owned ones. An address any pool lists is static, whatever tags it carries: it is never released.
   */
  members(pool: EIPPool): PoolMember[] {
    const lent = (pool.spec.addresses ?? []).filter((addressId) => this.listingPool(addressId)?.metadata.name === pool.metadata.name);
    const statics = lent.map((addressId): PoolMember => ({ addressId, ownership: 'Static' }));
    const owned = this.owned(pool.metadata.name)
      .filter((address) => !this.isListed(address.id))
      .map((address): PoolMember => ({ addressId: address.id, ownership: 'Owned' }));
    return [...statics, ...owned];
  }

  /** Whether some pool lists the address as a static one. */
  isListed(addressId: string): boolean {
    return this.listingPool(addressId) !== undefined;
  }

  /** Static addresses this pool lists that an older pool lists first. */
  listedElsewhere(pool: EIPPool): string[] {
    return (pool.spec.addresses ?? []).filter((addressId) => this.listingPool(addressId)?.metadata.name !== pool.metadata.name);
  }

  /** The pool that lends this address, if any: the oldest pool listing it, or the pool whose tag it carries. */
  lenderOf(addressId: string): EIPPool | undefined {
    const listing = this.listingPool(addressId);
    if (listing) return listing;
    const owner = [...this.ownedByPool].find(([, owned]) => owned.some((address) => address.id === addressId))?.[0];
    return owner === undefined ? undefined : this.readers.pools.get(owner);
  }

  /** Why this pod may not take addresses of the named pool, or undefined when it may. */
  refusal(poolName: string, pod: PodView): PoolRefusal {
    const pool = this.readers.pools.get(poolName);
    if (!pool) return { problem: `names EIPPool ${poolName}, which does not exist` };
    if (pool.metadata.deletionTimestamp) return { problem: `names EIPPool ${poolName}, which is being deleted` };
    return this.admissionProblem(pool, pod);
  }

  admissionProblem(pool: EIPPool, pod: PodView): PoolRefusal {
    if (!this.admitsNamespace(pool, pod.namespace)) {
      return { problem: `EIPPool ${pool.metadata.name} does not admit namespace ${pod.namespace} (its namespaceSelector does not match the namespace's labels)` };
    }
    if (pool.spec.podSelector && !selectorMatches(pool.spec.podSelector, pod.labels)) {
      return { problem: `EIPPool ${pool.metadata.name} does not admit pod ${pod.name} (its podSelector does not match the pod's labels)` };
    }
    return undefined;
  }

  /** Members no claim holds or names, nothing reserved, and unbound as far as the cloud last said. */
  free(pool: EIPPool): PoolMember[] {
    const taken = this.takenIds();
    return this.members(pool).filter((member) => !taken.has(member.addressId) && this.readers.knownAddress(member.addressId)?.state === 'Available');
  }

  /**
   * Hands a free address to the claim, reserved until settle(): the one a claim of its name held
   * before when free, else the first. Older claims waiting on the pool go first: a claim gets one
   * only while there are more free addresses than older claims waiting.
   */
  take(pool: EIPPool, claim: EIPClaim): PoolMember | undefined {
    const free = this.free(pool);
    if (free.length <= this.olderWaiting(pool, claim)) return undefined;
    const key = keyOf(claim.metadata);
    const member = free.find((candidate) => candidate.addressId === this.lastHeld.get(key)) ?? free[0]!;
    this.reserved.set(member.addressId, key);
    return member;
  }

  /** The reservation ends: the claim's status now records the address, or the write failed. */
  settle(addressId: string): void {
    this.reserved.delete(addressId);
  }

  /** Keeps an address from being handed out while someone (a pool releasing it) works on it; settle() ends it. */
  hold(addressId: string, holder: string): void {
    this.reserved.set(addressId, holder);
  }

  isReserved(addressId: string): boolean {
    return this.reserved.has(addressId);
  }

  /** A claim lets its pool address go: a pod of the same name coming back prefers it. */
  returned(claim: EIPClaim, addressId: string): void {
    this.lastHeld.delete(keyOf(claim.metadata));
    this.lastHeld.set(keyOf(claim.metadata), addressId);
    if (this.lastHeld.size > REMEMBERED_HOLDERS) this.lastHeld.delete(this.lastHeld.keys().next().value!);
  }

  /**
   * Claims of the pool that can take an address now, oldest first: not those showing bad input (a pod
   * the pool does not admit must not keep admitted ones waiting) nor Retained ones (no pod to bind).
   */
  waiting(poolName: string): EIPClaim[] {
    const pool = this.readers.pools.get(poolName);
    const handedOut = new Set(this.reserved.values());
    return this.readers.claims
      .list()
      .filter((claim) => claim.spec?.pool === poolName && !claim.status?.addressId && !claim.metadata.deletionTimestamp)
      .filter((claim) => !isRefused(claim) && claim.status?.phase !== 'Retained' && !handedOut.has(keyOf(claim.metadata)))
      .filter((claim) => !pool || this.admitsNamespace(pool, claim.metadata.namespace))
      .sort(byAge);
  }

  private admitsNamespace(pool: EIPPool, namespace: string): boolean {
    return selectorMatches(pool.spec.namespaceSelector, this.readers.namespaces.get(namespace)?.labels ?? {});
  }

  /** Which claim holds a member, by address id. */
  holders(): Map<string, string> {
    const holders = new Map<string, string>();
    for (const claim of this.readers.claims.list()) {
      const held = claim.status?.addressId;
      if (held) holders.set(held, keyOf(claim.metadata));
    }
    return holders;
  }

  private olderWaiting(pool: EIPPool, claim: EIPClaim): number {
    return this.waiting(pool.metadata.name).filter((other) => other.metadata.uid !== claim.metadata.uid && byAge(other, claim) < 0).length;
  }

  private takenIds(): Set<string> {
    const taken = new Set(this.reserved.keys());
    for (const claim of this.readers.claims.list()) {
      if (claim.status?.addressId) taken.add(claim.status.addressId);
      if (claim.spec?.addressId && !isRefused(claim)) taken.add(claim.spec.addressId);
    }
    return taken;
  }

  private listingPool(addressId: string): EIPPool | undefined {
    return this.readers.pools
      .list()
      .filter((pool) => (pool.spec.addresses ?? []).includes(addressId))
      .sort(byAge)[0];
  }
}

/** Pod names whose last pool address is remembered; the oldest are forgotten beyond this. */
const REMEMBERED_HOLDERS = 10_000;

function byAge(a: { metadata: { creationTimestamp?: string; name: string; namespace?: string } }, b: { metadata: { creationTimestamp?: string; name: string; namespace?: string } }): number {
  const byTime = (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '');
  return byTime !== 0 ? byTime : keyOf(a.metadata).localeCompare(keyOf(b.metadata));
}
