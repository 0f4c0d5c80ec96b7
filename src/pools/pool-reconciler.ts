/**
 * The EIPPool reconciler (SPEC §10), keyed by pool name, beside the claim reconciler and sharing its
 * provider, address book and rate limits. Each pass reads the pool's owned addresses (one describe by
 * the pool tag), keeps `minAvailable` spares plus one per waiting claim up to `maxSize` (one
 * allocation per pass, each with a ClientToken recorded in the pool's status first), releases owned
 * spares idle longer than `releaseIdleAfter` above `minAvailable`, writes the status, and wakes the
 * claims waiting on the pool. Deleting a pool waits until no claim holds its addresses; then owned
 * addresses are released (Delete) or left (Retain), static ones only ever unbound by their claims.
 */
import type { ReconcileResult } from '../controller/keyed-controller.js';
import { type EIPPool, POOL_FINALIZER, POOL_KIND, POOL_TAG, type PoolAddressStatus } from '../k8s/eippool.js';
import { GROUP, VERSION } from '../k8s/eipclaim.js';
import type { EventTarget } from '../k8s/event-recorder.js';
import { CLUSTER_TAG, type AddressBook } from '../lifecycle/address-book.js';
import { doneIfGone } from '../lifecycle/cloud-steps.js';
import type { ConditionInput } from '../lifecycle/conditions.js';
import { mergeConditions, sameConditions } from '../lifecycle/conditions.js';
import type { LifecycleContext } from '../lifecycle/context.js';
import type { CloudAddress } from '../providers/provider.js';
import { isCloudError } from '../providers/cloud-error.js';
import { parseGoDuration } from '../util/duration.js';
import type { PoolBook } from './pool-book.js';

/** How often a pool looks at its spares when nothing wakes it. */
const POOL_RESYNC_MS = 60_000;
/** Where Events about cluster-scoped objects go, as kube-apiserver's own recorders do. */
const EVENT_NAMESPACE = 'default';

export interface PoolReconcilerDeps {
  context: LifecycleContext;
  pools: { get(name: string): EIPPool | undefined; observe(pool: EIPPool): void };
  book: PoolBook;
  /** Claims waiting on the pool, to look again now that it may have an address for them. */
  wakeClaims(keys: string[]): void;
}

export class PoolReconciler {
  /** address id → since when (clock ms) an owned spare has been free. */
  private readonly idleSince = new Map<string, number>();

  constructor(private readonly deps: PoolReconcilerDeps) {}

  readonly reconcile = async (name: string): Promise<ReconcileResult> => {
    const pool = this.deps.pools.get(name);
    const owned = await this.readOwned(name);
    if (!pool) return {};
    if (pool.metadata.deletionTimestamp) return this.finalize(pool, owned);
    const current = await this.ensureFinalizer(pool);
    await this.readStaticMembers(current);
    const changed = (await this.releaseIdleSpare(current)) || (await this.allocateWhenShort(current, owned));
    await this.writeStatus(current);
    this.wakeWaitingClaims(current);
    return { requeueAfterMs: changed ? 0 : POOL_RESYNC_MS };
  };

  private get addresses(): AddressBook {
    return this.deps.context.addresses;
  }

  /** The pool's owned addresses: tagged with this cluster and the pool's name. */
  private async readOwned(name: string): Promise<CloudAddress[]> {
    const { clusterId } = this.deps.context.settings;
    const owned = (await this.addresses.readTagged({ [CLUSTER_TAG]: clusterId, [POOL_TAG]: name })).filter((address) => address.state !== 'Releasing');
    this.deps.book.recordOwned(name, owned);
    return owned;
  }

  /** Static members' cloud state (batched with every other read of the moment). */
  private async readStaticMembers(pool: EIPPool): Promise<void> {
    await Promise.all((pool.spec.addresses ?? []).map((addressId) => this.addresses.get(addressId)));
  }

  private async ensureFinalizer(pool: EIPPool): Promise<EIPPool> {
    const finalizers = pool.metadata.finalizers ?? [];
    if (finalizers.includes(POOL_FINALIZER)) return pool;
    return this.patch(pool, { metadata: { finalizers: [...finalizers, POOL_FINALIZER], resourceVersion: pool.metadata.resourceVersion } });
  }

  /** Spares wanted: minAvailable plus one per waiting claim, within maxSize; one allocation per pass. */
  private async allocateWhenShort(pool: EIPPool, owned: CloudAddress[]): Promise<boolean> {
    const allocation = pool.spec.allocation;
    if (!allocation) return false;
    const { book } = this.deps;
    const creating = owned.filter((address) => address.state === 'Creating').length;
    const wanted = (allocation.minAvailable ?? 0) + book.waiting(pool.metadata.name).length;
    const short = wanted - book.free(pool).length - creating;
    if (short <= 0 || owned.length >= (allocation.maxSize ?? 0)) return false;
    await this.allocateOne(pool);
    return true;
  }

  /** The ClientToken's sequence goes on the pool's status before the call, so a retry after a crash reuses it. */
  private async allocateOne(pool: EIPPool): Promise<void> {
    const { context } = this.deps;
    const sequence = (pool.status?.allocations ?? 0) + 1;
    const recorded = await this.patchStatus(pool, { allocations: sequence });
    const tags = { [CLUSTER_TAG]: context.settings.clusterId, [POOL_TAG]: pool.metadata.name };
    try {
      const { addressId } = await context.provider.allocate({ clientToken: `${pool.metadata.uid}-${sequence}`, tags, allocation: this.allocationOf(recorded) });
      await this.announce(recorded, 'Normal', 'AllocatedEIP', `allocated ${addressId} for EIPPool ${pool.metadata.name}`);
    } catch (error) {
      if (!isCloudError(error)) throw error;
      // Throttling and busy answers are waited out quietly, as for claims.
      if (error.kind !== 'throttled' && error.kind !== 'conflict') await this.announce(recorded, 'Warning', 'FailedAllocateEIP', error.describe());
      if (error.kind === 'quota') await this.writeStatus(recorded, [{ type: 'Ready', status: 'False', reason: 'QuotaExceeded', message: error.summary() }]);
      throw error;
    }
  }

  private allocationOf(pool: EIPPool) {
    const defaults = this.deps.context.dialect.defaultAllocation;
    const parameters = pool.spec.allocation?.parameters ?? {};
    return { ...defaults, ...parameters, parameters: { ...defaults.parameters, ...(parameters.parameters ?? {}) } };
  }

  /** One owned spare above minAvailable, free for longer than releaseIdleAfter, per pass. */
  private async releaseIdleSpare(pool: EIPPool): Promise<boolean> {
    const idleMs = pool.spec.allocation?.releaseIdleAfter ? parseGoDuration(pool.spec.allocation.releaseIdleAfter) : undefined;
    const nowMs = this.deps.context.clock.now().getTime();
    const free = this.deps.book.free(pool);
    const freeOwned = new Set(free.filter((member) => member.ownership === 'Owned').map((member) => member.addressId));
    for (const id of this.idleSince.keys()) if (!freeOwned.has(id) && this.isMemberOf(pool, id)) this.idleSince.delete(id);
    for (const id of freeOwned) if (!this.idleSince.has(id)) this.idleSince.set(id, nowMs);
    if (idleMs === undefined || free.length <= (pool.spec.allocation?.minAvailable ?? 0)) return false;
    const expired = [...freeOwned].find((id) => nowMs - this.idleSince.get(id)! >= idleMs);
    if (!expired) return false;
    await this.release(pool, expired);
    return true;
  }

  private isMemberOf(pool: EIPPool, addressId: string): boolean {
    return this.deps.book.owned(pool.metadata.name).some((address) => address.id === addressId);
  }

  private async release(pool: EIPPool, addressId: string): Promise<void> {
    const { provider } = this.deps.context;
    this.idleSince.delete(addressId);
    await doneIfGone(() => this.addresses.changing(addressId, () => provider.release(addressId)));
    this.addresses.forget(addressId);
    await this.announce(pool, 'Normal', 'ReleasedEIP', `released ${addressId} of EIPPool ${pool.metadata.name}`);
  }

  /** Claims keep what they hold until they end; then owned addresses go (Delete) or stay (Retain), and the finalizer comes off. */
  private async finalize(pool: EIPPool, owned: CloudAddress[]): Promise<ReconcileResult> {
    if (!(pool.metadata.finalizers ?? []).includes(POOL_FINALIZER)) return {};
    const holders = this.deps.book.holders();
    const held = this.deps.book.members(pool).filter((member) => holders.has(member.addressId));
    if (held.length > 0) {
      await this.writeStatus(pool, [{ type: 'Ready', status: 'False', reason: 'Deleting', message: `${held.length} claims still hold addresses of this pool` }]);
      return { requeueAfterMs: this.deps.context.settings.retry.conflictRetryMs };
    }
    if ((pool.spec.reclaimPolicy ?? 'Delete') === 'Delete') {
      const unbound = owned.filter((address) => address.state === 'Available');
      for (const address of unbound) await this.release(pool, address.id);
      if (unbound.length < owned.length) return { requeueAfterMs: this.deps.context.settings.retry.polls.firstMs };
    }
    const finalizers = (pool.metadata.finalizers ?? []).filter((finalizer) => finalizer !== POOL_FINALIZER);
    await this.deps.context.api.patchPool(pool.metadata.name, { metadata: { finalizers, resourceVersion: pool.metadata.resourceVersion } });
    this.deps.book.recordOwned(pool.metadata.name, []);
    return {};
  }

  /** total / available / bound, each address with its state and holder, and Ready. */
  private async writeStatus(pool: EIPPool, overrides: ConditionInput[] = []): Promise<void> {
    const { book, context } = this.deps;
    const holders = book.holders();
    const free = new Set(book.free(pool).map((member) => member.addressId));
    const addresses: PoolAddressStatus[] = book.members(pool).map((member) => {
      const known = this.addresses.known(member.addressId);
      const claim = holders.get(member.addressId);
      const state = known?.state === 'Creating' ? 'Allocating' : claim ? 'Bound' : free.has(member.addressId) ? 'Available' : 'Releasing';
      return { addressId: member.addressId, ownership: member.ownership, state, ...(known?.publicIp ? { publicIP: known.publicIp } : {}), ...(claim ? { claim } : {}) };
    });
    for (const state of ['Available', 'Bound', 'Allocating', 'Releasing'] as const) {
      context.metrics.poolAddresses.set({ pool: pool.metadata.name, state }, addresses.filter((address) => address.state === state).length);
    }
    const conditions = overrides.length > 0 ? overrides : [await this.readiness(pool, addresses)];
    const status = {
      total: addresses.length,
      available: addresses.filter((address) => address.state === 'Available').length,
      bound: addresses.filter((address) => address.state === 'Bound').length,
      addresses,
    };
    const merged = mergeConditions(pool.status?.conditions, conditions, context.clock.now(), pool.metadata.generation);
    const unchanged = JSON.stringify(status) === JSON.stringify({ total: pool.status?.total, available: pool.status?.available, bound: pool.status?.bound, addresses: pool.status?.addresses });
    if (unchanged && sameConditions(pool.status?.conditions, merged) && pool.status?.observedGeneration === pool.metadata.generation) return;
    await this.patchStatus(pool, { ...status, conditions: merged, observedGeneration: pool.metadata.generation ?? null });
  }

  private async readiness(pool: EIPPool, addresses: PoolAddressStatus[]): Promise<ConditionInput> {
    const elsewhere = this.deps.book.listedElsewhere(pool);
    if (elsewhere.length > 0) return { type: 'Ready', status: 'False', reason: 'AddressInAnotherPool', message: `${elsewhere.join(', ')} already listed by an older EIPPool; not lent by this one` };
    const missing = (pool.spec.addresses ?? []).filter((addressId) => !elsewhere.includes(addressId) && this.addresses.known(addressId) === undefined);
    if (missing.length > 0) {
      const message = `static addresses ${missing.join(', ')} do not exist`;
      await this.announce(pool, 'Warning', 'AddressMissing', message);
      return { type: 'Ready', status: 'False', reason: 'AddressMissing', message };
    }
    const waiting = this.deps.book.waiting(pool.metadata.name).length;
    const free = addresses.filter((address) => address.state === 'Available').length;
    if (waiting > 0 && free === 0 && this.deps.book.owned(pool.metadata.name).length >= (pool.spec.allocation?.maxSize ?? 0)) {
      const message = `${waiting} claims wait for an address; the pool is at maxSize`;
      await this.announce(pool, 'Warning', 'PoolExhausted', message);
      return { type: 'Ready', status: 'False', reason: 'Exhausted', message };
    }
    return { type: 'Ready', status: 'True', reason: 'Available', message: `${free} of ${addresses.length} addresses free` };
  }

  private wakeWaitingClaims(pool: EIPPool): void {
    const free = this.deps.book.free(pool).length;
    if (free === 0) return;
    const keys = this.deps.book.waiting(pool.metadata.name).slice(0, free).map((claim) => `${claim.metadata.namespace}/${claim.metadata.name}`);
    if (keys.length > 0) this.deps.wakeClaims(keys);
  }

  private async patch(pool: EIPPool, patch: object): Promise<EIPPool> {
    const updated = await this.deps.context.api.patchPool(pool.metadata.name, patch);
    this.deps.pools.observe(updated);
    return updated;
  }

  private async patchStatus(pool: EIPPool, status: Record<string, unknown>): Promise<EIPPool> {
    const updated = await this.deps.context.api.patchPoolStatus(pool.metadata.name, status);
    this.deps.pools.observe(updated);
    return updated;
  }

  private async announce(pool: EIPPool, type: 'Normal' | 'Warning', reason: string, message: string): Promise<void> {
    const target: EventTarget = { apiVersion: `${GROUP}/${VERSION}`, kind: POOL_KIND, namespace: EVENT_NAMESPACE, name: pool.metadata.name, uid: pool.metadata.uid };
    await this.deps.context.events.record(target, type, reason, message);
  }
}
