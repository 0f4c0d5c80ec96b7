/**
 * The EIPPool reconciler (SPEC §10), keyed by pool name, beside the claim reconciler and sharing its
 * provider, address book and rate limits. Each pass reads the pool's owned addresses (one describe by
 * the pool tag), keeps `minAvailable` spares plus one per waiting claim up to `maxSize` (one
 * allocation per pass, each with a ClientToken recorded in the pool's status first), releases owned
 * spares idle longer than `releaseIdleAfter` above `minAvailable`, writes the status, and wakes the
 * claims waiting on the pool. Deleting a pool waits until no claim holds its addresses; then owned
 * addresses are released (Delete) or untagged and left (Retain), static ones only ever unbound by their claims.
 */
import type { ReconcileResult } from '../controller/keyed-controller.js';
import { isDeepStrictEqual } from 'node:util';
import { type EIPPool, POOL_ADDRESS_STATES, POOL_FINALIZER, POOL_KIND, POOL_TAG, type PoolAddressState, type PoolAddressStatus } from '../k8s/eippool.js';
import { type Condition, GROUP, VERSION } from '../k8s/eipclaim.js';
import type { EventTarget } from '../k8s/event-recorder.js';
import { CLUSTER_TAG, type AddressBook } from '../lifecycle/address-book.js';
import { doneIfGone } from '../lifecycle/cloud-steps.js';
import { refusalReasonOf } from '../lifecycle/cloud-failure-reasons.js';
import type { ConditionInput } from '../lifecycle/conditions.js';
import { mergeConditions, sameConditions } from '../lifecycle/conditions.js';
import type { LifecycleContext } from '../lifecycle/context.js';
import type { CloudAddress } from '../providers/provider.js';
import { type CloudError, isCloudError } from '../providers/cloud-error.js';
import { parseGoDuration } from '../util/duration.js';
import type { PoolBook } from './pool-book.js';

/** How often a pool looks at its spares when nothing wakes it. */
const POOL_RESYNC_MS = 60_000;

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
  /** Per pool, addresses the cloud allocated that its tag search has not shown yet: they count as allocated. */
  private readonly allocatedUnseen = new Map<string, Set<string>>();
  /** Per pool, until when (clock ms) allocation waits after a refusal retrying will not fix (quota, permission). */
  private readonly refusedUntil = new Map<string, number>();

  constructor(private readonly deps: PoolReconcilerDeps) {}

  readonly reconcile = async (name: string): Promise<ReconcileResult> => {
    const pool = this.deps.pools.get(name);
    const owned = await this.readOwned(name);
    if (!pool) return {};
    if (pool.metadata.deletionTimestamp) return this.finalize(pool, owned);
    const current = await this.ensureFinalizer(pool);
    await this.readStaticMembers(current);
    const changed = (await this.releaseIdleSpare(current)) || (await this.allocateWhenShort(current, owned));
    const latest = this.deps.pools.get(name) ?? current;
    await this.writeStatus(latest);
    this.wakeWaitingClaims(latest);
    // After a change, or while the cloud still creates an address, look again soon (not at once: its view may lag the write).
    const settling = changed || owned.some((address) => address.state === 'Creating') || (this.allocatedUnseen.get(name)?.size ?? 0) > 0;
    return { requeueAfterMs: settling ? this.deps.context.settings.retry.polls.firstMs : POOL_RESYNC_MS };
  };

  private get addresses(): AddressBook {
    return this.deps.context.addresses;
  }

  /** The pool's owned addresses: tagged with this cluster and the pool's name. */
  private async readOwned(name: string): Promise<CloudAddress[]> {
    const { clusterId } = this.deps.context.settings;
    const owned = (await this.addresses.readTagged({ [CLUSTER_TAG]: clusterId, [POOL_TAG]: name })).filter((address) => address.state !== 'Releasing');
    this.deps.book.recordOwned(name, owned);
    const unseen = this.allocatedUnseen.get(name);
    for (const address of owned) unseen?.delete(address.id);
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
    const name = pool.metadata.name;
    if (!allocation || (this.refusedUntil.get(name) ?? 0) > this.deps.context.clock.now().getTime()) return false;
    const { book } = this.deps;
    const unseen = this.allocatedUnseen.get(name)?.size ?? 0;
    const creating = owned.filter((address) => address.state === 'Creating').length + unseen;
    const wanted = (allocation.minAvailable ?? 0) + book.waiting(name).length;
    const short = wanted - book.free(pool).length - creating;
    if (short <= 0 || owned.length + unseen >= (allocation.maxSize ?? 0)) return false;
    await this.allocateOne(pool);
    return true;
  }

  /**
   * ClientTokens are `<pool uid>-<n>`: n is recorded on the pool's status before the call, and reused
   * until a call with it succeeds (status.allocated catches up), so a reply lost to a timeout or a
   * crash is retried with the same token and the cloud returns the same address.
   */
  private async allocateOne(pool: EIPPool): Promise<void> {
    const { context } = this.deps;
    const confirmed = pool.status?.allocated ?? 0;
    const issued = pool.status?.allocations ?? 0;
    const sequence = issued > confirmed ? issued : issued + 1;
    const recorded = sequence === issued ? pool : await this.patchStatus(pool, { allocations: sequence });
    const tags = { [CLUSTER_TAG]: context.settings.clusterId, [POOL_TAG]: pool.metadata.name };
    try {
      const { addressId } = await context.provider.allocate({ clientToken: `${pool.metadata.uid}-${sequence}`, tags, allocation: this.allocationOf(recorded), owner: `EIPPool ${pool.metadata.name}` });
      this.allocatedUnseen.set(pool.metadata.name, (this.allocatedUnseen.get(pool.metadata.name) ?? new Set()).add(addressId));
      await this.patchStatus(recorded, { allocated: sequence });
      await this.announce(recorded, 'Normal', 'AllocatedEIP', `allocated ${addressId} for EIPPool ${pool.metadata.name}`);
    } catch (error) {
      if (!isCloudError(error)) throw error;
      await this.onAllocationRefused(recorded, error);
    }
  }

  /** Throttling and busy answers are waited out quietly (the queue's backoff); a refusal holds allocation for the policy's time and shows on the pool. */
  private async onAllocationRefused(pool: EIPPool, error: CloudError): Promise<void> {
    const holdMs = this.deps.context.settings.retry.refusalHoldsMs[error.kind];
    if (holdMs === undefined) throw error;
    this.refusedUntil.set(pool.metadata.name, this.deps.context.clock.now().getTime() + holdMs);
    await this.announce(pool, 'Warning', 'FailedAllocateEIP', error.describe());
    const reason = refusalReasonOf(error.kind);
    await this.writeStatus(pool, [{ type: 'Ready', status: 'False', reason, message: error.summary() }]);
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

  /** Never one a pool lists as static; held while the release runs, so no claim takes it meanwhile. */
  private async release(pool: EIPPool, addressId: string): Promise<void> {
    const { provider } = this.deps.context;
    const { book } = this.deps;
    if (book.isListed(addressId)) return;
    this.idleSince.delete(addressId);
    book.hold(addressId, `pool:${pool.metadata.name}`);
    try {
      await doneIfGone(() => this.addresses.changing(addressId, () => provider.release(addressId)));
    } finally {
      book.settle(addressId);
    }
    this.addresses.forget(addressId);
    await this.announce(pool, 'Normal', 'ReleasedEIP', `released ${addressId} of EIPPool ${pool.metadata.name}`);
  }

  private async untag(pool: EIPPool, addressId: string): Promise<void> {
    await doneIfGone(() => this.deps.context.provider.untagAddress(addressId, [CLUSTER_TAG, POOL_TAG]));
    this.addresses.forget(addressId);
    await this.announce(pool, 'Normal', 'RetainedEIP', `untagged ${addressId} of EIPPool ${pool.metadata.name} and left it allocated (reclaimPolicy Retain)`);
  }

  /** Claims keep what they hold until they end; then owned addresses go (Delete) or stay untagged (Retain), and the finalizer comes off. */
  private async finalize(pool: EIPPool, owned: CloudAddress[]): Promise<ReconcileResult> {
    if (!(pool.metadata.finalizers ?? []).includes(POOL_FINALIZER)) return {};
    const { book } = this.deps;
    const holders = book.holders();
    const held = book.members(pool).filter((member) => holders.has(member.addressId) || book.isReserved(member.addressId));
    if (held.length > 0) {
      await this.writeStatus(pool, [{ type: 'Ready', status: 'False', reason: 'Deleting', message: `${held.length} claims still hold addresses of this pool` }]);
      return { requeueAfterMs: this.deps.context.settings.retry.conflictRetryMs };
    }
    if ((pool.spec.reclaimPolicy ?? 'Delete') === 'Delete') {
      const unbound = owned.filter((address) => address.state === 'Available' && !book.isListed(address.id));
      for (const address of unbound) await this.release(pool, address.id);
      if (unbound.length < owned.length) return { requeueAfterMs: this.deps.context.settings.retry.polls.firstMs };
    } else if (owned.length > 0) {
      // Retain: untagged, the addresses are no longer podeip's: neither the orphan collection nor teardown releases them.
      for (const address of owned) await this.untag(pool, address.id);
      return { requeueAfterMs: this.deps.context.settings.retry.polls.firstMs };
    }
    const finalizers = (pool.metadata.finalizers ?? []).filter((finalizer) => finalizer !== POOL_FINALIZER);
    await this.deps.context.api.patchPool(pool.metadata.name, { metadata: { finalizers, resourceVersion: pool.metadata.resourceVersion } });
    this.deps.book.recordOwned(pool.metadata.name, []);
    return {};
  }

  /** total / available / bound, each address with its state and holder, and Ready; written only when it changed. */
  private async writeStatus(pool: EIPPool, overrides: ConditionInput[] = []): Promise<void> {
    const { context } = this.deps;
    const addresses = this.addressStates(pool);
    for (const state of POOL_ADDRESS_STATES) {
      context.metrics.poolAddresses.set({ pool: pool.metadata.name, state }, addresses.filter((address) => address.state === state).length);
    }
    const ready = overrides.length > 0 ? overrides : [this.readiness(pool, addresses)];
    const status = {
      total: addresses.length,
      available: addresses.filter((address) => address.state === 'Available').length,
      bound: addresses.filter((address) => address.state === 'Bound').length,
      addresses,
    };
    const merged = mergeConditions(pool.status?.conditions, ready, context.clock.now(), pool.metadata.generation);
    const written = { total: pool.status?.total, available: pool.status?.available, bound: pool.status?.bound, addresses: pool.status?.addresses };
    const unchanged = isDeepStrictEqual(status, written) && sameConditions(pool.status?.conditions, merged) && pool.status?.observedGeneration === pool.metadata.generation;
    if (unchanged) return;
    await this.announceReadinessChange(pool, merged);
    await this.patchStatus(pool, { ...status, conditions: merged, observedGeneration: pool.metadata.generation ?? null });
  }

  /**
   * Each member the cloud knows, with its state: Bound while a claim holds it (or it is being handed to
   * one), Available when free, Allocating while the cloud creates it, Releasing while it goes away.
   * A static member bound to something podeip did not bind, or unknown to the cloud, is left out.
   */
  private addressStates(pool: EIPPool): PoolAddressStatus[] {
    const { book } = this.deps;
    const holders = book.holders();
    const free = new Set(book.free(pool).map((member) => member.addressId));
    return book.members(pool).flatMap((member): PoolAddressStatus[] => {
      const known = this.addresses.known(member.addressId);
      const claim = holders.get(member.addressId);
      const state = stateOf(known, claim !== undefined || book.isReserved(member.addressId), free.has(member.addressId));
      if (!known || !state) return [];
      return [{ addressId: member.addressId, ownership: member.ownership, state, ...(known.publicIp ? { publicIP: known.publicIp } : {}), ...(claim ? { claim } : {}) }];
    });
  }

  private readiness(pool: EIPPool, addresses: PoolAddressStatus[]): ConditionInput {
    const { book } = this.deps;
    const elsewhere = book.listedElsewhere(pool);
    if (elsewhere.length > 0) return { type: 'Ready', status: 'False', reason: 'AddressInAnotherPool', message: `${elsewhere.join(', ')} already listed by an older EIPPool; not lent by this one` };
    const missing = (pool.spec.addresses ?? []).filter((addressId) => this.addresses.known(addressId) === undefined);
    if (missing.length > 0) return { type: 'Ready', status: 'False', reason: 'AddressMissing', message: `static addresses ${missing.join(', ')} do not exist` };
    const waiting = book.waiting(pool.metadata.name).length;
    const free = addresses.filter((address) => address.state === 'Available').length;
    if (waiting > 0 && free === 0 && book.owned(pool.metadata.name).length >= (pool.spec.allocation?.maxSize ?? 0)) {
      return { type: 'Ready', status: 'False', reason: 'Exhausted', message: `${waiting} claims wait for an address; the pool is at maxSize` };
    }
    return { type: 'Ready', status: 'True', reason: 'Available', message: `${free} of ${addresses.length} addresses free` };
  }

  /** PoolExhausted and AddressMissing are said when the pool's Ready condition turns to them, not on every pass. */
  private async announceReadinessChange(pool: EIPPool, merged: Condition[]): Promise<void> {
    const before = pool.status?.conditions?.find((condition) => condition.type === 'Ready');
    const after = merged.find((condition) => condition.type === 'Ready');
    if (!after || (before?.reason === after.reason && before.message === after.message)) return;
    const warning = { Exhausted: 'PoolExhausted', AddressMissing: 'AddressMissing' }[after.reason];
    if (warning) await this.announce(pool, 'Warning', warning, after.message);
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
    const target: EventTarget = { apiVersion: `${GROUP}/${VERSION}`, kind: POOL_KIND, namespace: '', name: pool.metadata.name, uid: pool.metadata.uid };
    await this.deps.context.events.record(target, type, reason, message);
  }
}

function stateOf(known: CloudAddress | undefined, held: boolean, free: boolean): PoolAddressState | undefined {
  if (known?.state === 'Creating') return 'Allocating';
  if (known?.state === 'Releasing') return 'Releasing';
  if (held) return 'Bound';
  return free ? 'Available' : undefined;
}
