/**
 * R2, R3, R9, R10, R11 for a claim whose pod is alive: make sure the claim has an address (adopt an
 * already-tagged one, else allocate with a ClientToken; the id goes to status first), then bind it
 * to the pod's IP, wait until the cloud says bound, record the target, write the pod's outputs.
 */
import type { EIPClaim } from '../k8s/eipclaim.js';
import { EIP_BOUND_CONDITION, type PodView } from '../k8s/pod-view.js';
import type { AddressTarget, CloudAddress } from '../providers/provider.js';
import { announce } from './announce.js';
import { CLAIM_UID_TAG, CLUSTER_TAG, NAME_TAG, NAMESPACE_TAG } from './address-book.js';
import type { ClaimWriter, StatusChange } from './claim-writer.js';
import type { ConditionInput } from './conditions.js';
import { withFailureEvent } from './cloud-steps.js';
import type { LifecycleContext } from './context.js';
import type { ReconcileResult } from '../controller/keyed-controller.js';
import { ADDRESS_ID_ANNOTATION, withdrawPodOutputs, writePodOutputs } from './pod-outputs.js';
import { blockerOf, chooseStaticAddress } from './static-choice.js';
import type { StaticAddressRequest, ValidRequest } from '../annotations/claim-request.js';
import { ownershipOf } from './ownership.js';
import { POOL_ANNOTATION, type EIPPool } from '../k8s/eippool.js';
import { unbind } from './unbinding.js';
import type { PollDelays } from './poll-delays.js';
import type { CreationTimes } from './creation-times.js';

const TRANSITIONAL = new Set(['Creating', 'Binding', 'Unbinding', 'Unknown']);

/** Ready reasons of a claim already waiting on its pool: the pool has heard of it. */
const POOL_WAITING_REASONS = new Set(['PoolAllocating', 'PoolQueued', 'PoolExhausted', 'QuotaExceeded']);

/**
 * The claim holds an address its spec (the pod's current request) no longer asks for. A static
 * request naming the owned address the claim already holds (pinning it by its id) keeps it: it stays
 * owned, so it is still released when the claim ends.
 */
function holdsUnwantedAddress(claim: EIPClaim): boolean {
  const held = claim.status?.addressId;
  if (!held) return false;
  if (claim.status?.pool || claim.spec.pool) return claim.status?.pool !== claim.spec.pool;
  if (claim.spec.addressId === held) return false;
  return ownershipOf(claim).name === 'Owned' ? claim.spec.allocation === undefined : true;
}

export class Binder {
  /** Per key, since when (clock ms) no ENI has held which pod's IP. */
  private readonly unresolvedSince = new Map<string, { podUid: string; podIp: string; sinceMs: number }>();

  constructor(
    private readonly context: LifecycleContext,
    private readonly writer: ClaimWriter,
    private readonly polls: PollDelays,
    private readonly creationTimes: CreationTimes,
  ) {}

  async ensureBound(key: string, claim: EIPClaim, pod: PodView, request: ValidRequest): Promise<ReconcileResult> {
    const subjects = { pod, claim };
    let current = await this.endRetention(claim);
    if (holdsUnwantedAddress(current)) return this.letGo(key, current, pod);
    const notAdmitted = this.lenderRefusesNewPod(current, pod);
    if (notAdmitted) return this.refuseInput(current, pod, notAdmitted);
    if (!current.status?.addressId) {
      const acquired = await this.acquire(key, current, pod, request);
      if ('result' in acquired) return acquired.result;
      current = acquired.claim;
    }
    const addressId = current.status!.addressId!;
    const address = await this.context.addresses.get(addressId);
    if (!address) return this.addressLost(current, pod);
    if (TRANSITIONAL.has(address.state)) return this.look(key, addressId);
    if (!pod.podIP) {
      await this.writer.updateStatus(current, { publicIP: address.publicIp || null }, []);
      return {};
    }
    if (address.state === 'Bound' && address.target?.privateIp === pod.podIP) {
      const result = await this.finish(key, current, pod, address);
      return (await this.completeAllocation(current, pod, address)) ? this.poll(key) : result;
    }
    if (address.state === 'Bound' || address.state === 'Releasing') return this.freeFromElsewhere(key, current, pod, address);
    current = await this.reportUnboundIfItWorkedBefore(current, pod, address);
    const target = await this.context.provider.resolveTarget(pod.podIP);
    if (!target) return this.noNetworkInterface(key, current, pod);
    this.unresolvedSince.delete(key);
    if (ownershipOf(current).recordsTargetBeforeBind) current = await this.recordTarget(current, target);
    await withFailureEvent(this.context, { ...subjects, claim: current }, 'FailedAssociateEIP', () =>
      this.context.addresses.changing(addressId, () => this.context.provider.associate(addressId, target)),
    );
    return this.lookAtNewStep(key, addressId);
  }

  /** A pod of the claim's name exists again: the expiry stops at once (R5), not once the pod is bound, and restarts when it goes. */
  private async endRetention(claim: EIPClaim): Promise<EIPClaim> {
    if (claim.status?.phase !== 'Retained') return claim;
    return this.writer.updateStatus(claim, { phase: claim.status.addressId ? 'Allocated' : 'Pending', podGoneAt: null, expiresAt: null });
  }

  private async acquire(key: string, claim: EIPClaim, pod: PodView, request: ValidRequest): Promise<{ claim: EIPClaim } | { result: ReconcileResult }> {
    if (request.kind === 'static') return this.takeStatic(key, claim, pod, request);
    if (request.kind === 'pool') return this.takeFromPool(claim, pod, request.pool);
    if (pod.podIP && !(await this.context.provider.resolveTarget(pod.podIP))) return { result: await this.noNetworkInterface(key, claim, pod) };
    const { addressId, adopted } = await this.adoptOrAllocate(claim, pod);
    const updated = await this.writer.updateStatus(
      claim,
      { addressId, ownership: 'Owned', phase: 'Allocated' },
      [{ type: 'Allocated', status: 'True', reason: 'AddressAllocated', message: `address ${addressId}` }],
    );
    const previous = pod.annotations[ADDRESS_ID_ANNOTATION];
    const replacedClaim = previous && previous !== addressId && !claim.status?.replacements;
    const why = replacedClaim ? `; replaces ${previous}, whose claim was deleted while the pod was running` : '';
    await announce(this.context, { pod, claim: updated }, 'Normal', 'AllocatedEIP', `${adopted ? 'adopted' : 'allocated'} ${addressId}${why}`);
    return { claim: updated };
  }

  private async adoptOrAllocate(claim: EIPClaim, pod: PodView): Promise<{ addressId: string; adopted: boolean }> {
    const { clusterId } = this.context.settings;
    const tags = {
      [CLUSTER_TAG]: clusterId,
      [CLAIM_UID_TAG]: claim.metadata.uid,
      [NAMESPACE_TAG]: claim.metadata.namespace,
      [NAME_TAG]: claim.metadata.name,
    };
    const replacements = claim.status?.replacements ?? 0;
    const tagged = await this.context.provider.describeByTags({ [CLUSTER_TAG]: clusterId, [CLAIM_UID_TAG]: claim.metadata.uid });
    const usable = tagged.find((address) => address.state !== 'Releasing');
    if (usable) return { addressId: usable.id, adopted: true };
    const clientToken = replacements === 0 ? claim.metadata.uid : `${claim.metadata.uid}-${replacements}`;
    const result = await withFailureEvent(this.context, { pod, claim }, 'FailedAllocateEIP', () =>
      this.context.provider.allocate({ clientToken, tags, allocation: claim.spec.allocation!, owner: `${claim.metadata.namespace}/${claim.metadata.name}` }),
    );
    return { addressId: result.addressId, adopted: false };
  }

  /** Allocation steps after the address itself (e.g. a bandwidth package) that an earlier attempt left undone; after binding, so the pod's EIP works meanwhile. */
  private async completeAllocation(claim: EIPClaim, pod: PodView, address: CloudAddress): Promise<boolean> {
    const { provider, addresses } = this.context;
    const allocation = claim.spec.allocation;
    if (!provider.completeAllocation || !allocation || ownershipOf(claim).name !== 'Owned') return false;
    const changed = await withFailureEvent(this.context, { pod, claim }, 'FailedAllocateEIP', () => provider.completeAllocation!(address, allocation));
    if (changed) addresses.invalidate(address.id);
    return changed;
  }

  private async takeStatic(key: string, claim: EIPClaim, pod: PodView, request: StaticAddressRequest): Promise<{ claim: EIPClaim } | { result: ReconcileResult }> {
    const addressId = claim.spec.addressId;
    if (!addressId) {
      const choice = chooseStaticAddress(request, pod.name, key, this.context.claims.list());
      const message = 'problem' in choice ? choice.problem : 'no listed address is available to this pod';
      await this.reportWaiting(claim, pod, 'NoAddress', 'InvalidEIPRequest', message);
      return { result: {} };
    }
    const unauthorized = this.staticAuthorizationProblem(addressId, pod);
    if (unauthorized) return { result: await this.refuseInput(claim, pod, unauthorized) };
    if (!(await this.context.addresses.get(addressId))) return { result: await this.staticAddressMissing(claim, pod, addressId) };
    if (this.context.pools.isReserved(addressId)) {
      await this.reportWaiting(claim, pod, 'AddressConflict', 'AddressConflict', `address ${addressId} is being handed to another claim by its EIPPool; waiting`);
      return { result: { requeueAfterMs: this.context.settings.retry.conflictRetryMs } };
    }
    const holder = blockerOf(addressId, claim, this.context.claims.list());
    if (holder) {
      const message = `address ${addressId} is held by claim ${holder.metadata.namespace}/${holder.metadata.name}; waiting`;
      await this.reportWaiting(claim, pod, 'AddressConflict', 'AddressConflict', message);
      return { result: { requeueAfterMs: this.context.settings.retry.conflictRetryMs } };
    }
    const updated = await this.writer.updateStatus(claim, { addressId, ownership: 'Static', phase: 'Allocated' }, [
      { type: 'Allocated', status: 'True', reason: 'StaticAddress', message: `static address ${addressId}` },
    ]);
    return { claim: updated };
  }

  private async addressLost(claim: EIPClaim, pod: PodView): Promise<ReconcileResult> {
    const addressId = claim.status!.addressId!;
    if (ownershipOf(claim).name === 'Pooled') return this.poolAddressLost(claim, pod, addressId);
    if (ownershipOf(claim).name === 'Static') {
      const forgotten = await this.writer.updateStatus(claim, { addressId: null, ownership: null, publicIP: null, privateIP: null, networkInterfaceId: null }, [
        { type: 'Allocated', status: 'False', reason: 'AddressNotFound', message: `static address ${addressId} does not exist` },
      ]);
      return this.staticAddressMissing(forgotten, pod, addressId);
    }
    this.context.metrics.repaired('replaced');
    await withdrawPodOutputs(this.context, pod, 'AddressLost', `address ${addressId} no longer exists`, true);
    await announce(this.context, { pod, claim }, 'Warning', 'AddressLost', `address ${addressId} was deleted outside podeip; allocating a replacement`);
    await this.writer.updateStatus(
      claim,
      { addressId: null, publicIP: null, privateIP: null, networkInterfaceId: null, phase: 'Pending', replacements: (claim.status?.replacements ?? 0) + 1 },
      [{ type: 'Allocated', status: 'False', reason: 'AddressLost', message: `address ${addressId} was deleted outside podeip` }],
    );
    return { requeueAfterMs: 0 };
  }

  /** The address points somewhere else (the pod moved, or it was re-bound behind podeip's back). */
  private async freeFromElsewhere(key: string, claim: EIPClaim, pod: PodView, address: CloudAddress): Promise<ReconcileResult> {
    if (address.state === 'Releasing') return this.look(key, address.id);
    if (!ownershipOf(claim).boundByPodeip(claim, address) && !this.context.settings.allowAddressTakeover) {
      const where = address.target ? `${address.target.networkInterfaceId}/${address.target.privateIp}` : address.boundToOther ?? 'another resource';
      const message = `static address ${address.id} is bound to ${where}, which podeip did not bind; not taking it over`;
      await withdrawPodOutputs(this.context, pod, 'AddressInUse', message, false);
      await this.reportWaiting(claim, pod, 'AddressInUse', 'AddressConflict', message);
      return { requeueAfterMs: this.context.settings.retry.conflictRetryMs };
    }
    const from = address.target?.privateIp ?? address.boundToOther ?? 'its old target';
    await this.reportNotBound(claim, pod, 'Rebinding', `address ${address.id} is moving from ${from} to ${pod.podIP}`);
    await withFailureEvent(this.context, { pod, claim }, 'FailedDisassociateEIP', () =>
      this.context.addresses.changing(address.id, () => this.context.provider.disassociate(address.id, address.target)),
    );
    await announce(this.context, { pod, claim }, 'Normal', 'DisassociatedEIP', `unbound ${address.id} from ${from} to bind it to ${pod.podIP}`);
    return this.lookAtNewStep(key, address.id);
  }

  private async finish(key: string, claim: EIPClaim, pod: PodView, address: CloudAddress): Promise<ReconcileResult> {
    this.polls.settled(key);
    this.unresolvedSince.delete(key);
    const target = address.target!;
    const status = claim.status ?? {};
    const recorded =
      status.phase === 'Bound' && status.podUID === pod.uid && status.privateIP === target.privateIp && status.networkInterfaceId === target.networkInterfaceId && status.publicIP === address.publicIp;
    const now = this.context.clock.now();
    const current = await this.writer.updateStatus(
      claim,
      {
        phase: 'Bound',
        publicIP: address.publicIp,
        podUID: pod.uid,
        privateIP: target.privateIp,
        networkInterfaceId: target.networkInterfaceId,
        boundAt: recorded && status.boundAt ? status.boundAt : now.toISOString(),
        podGoneAt: null,
        expiresAt: null,
      },
      [
        { type: 'Allocated', status: 'True', reason: status.ownership === 'Static' ? 'StaticAddress' : 'AddressAllocated', message: `address ${address.id}` },
        { type: 'Bound', status: 'True', reason: 'AddressBound', message: `bound to ${target.networkInterfaceId}/${target.privateIp}` },
        { type: 'Ready', status: 'True', reason: 'AddressBound', message: `public IP ${address.publicIp}` },
      ],
    );
    if (!recorded) {
      const createdMs = status.boundAt ? undefined : this.creationTimes.take(claim);
      if (createdMs !== undefined) this.context.metrics.bindDuration.observe((now.getTime() - createdMs) / 1000);
      await announce(this.context, { pod, claim: current }, 'Normal', 'AssociatedEIP', `bound ${address.id} (${address.publicIp}) to ${target.networkInterfaceId}/${target.privateIp}`);
    }
    await writePodOutputs(this.context, pod, address.publicIp, address.id);
    return {};
  }

  /** An unbound address for a pod that had a working one: out-of-band unbinding (R11), or a pod re-created on a new IP after the address came off the old one (R5, R10). */
  private async reportUnboundIfItWorkedBefore(claim: EIPClaim, pod: PodView, address: CloudAddress): Promise<EIPClaim> {
    if (pod.ownConditions[EIP_BOUND_CONDITION] === 'True') {
      this.context.metrics.repaired('rebind');
      return this.reportNotBound(claim, pod, 'AddressUnbound', `address ${address.id} is not bound; binding it to ${pod.podIP} again`);
    }
    const previousIp = claim.status?.privateIP;
    if (!previousIp || previousIp === pod.podIP) return claim;
    return this.reportNotBound(claim, pod, 'Rebinding', `address ${address.id} is moving from ${previousIp} to ${pod.podIP}`);
  }

  private async recordTarget(claim: EIPClaim, target: AddressTarget): Promise<EIPClaim> {
    return this.writer.updateStatus(claim, { privateIP: target.privateIp, networkInterfaceId: target.networkInterfaceId });
  }

  /**
   * SPEC §10: an address of the pool, handed out at once when one is free (the pool grows toward
   * maxSize when none is, and spares are replenished in the background); at maxSize the claim waits,
   * oldest first, with PoolExhausted. A pool that does not exist or does not admit the pod is bad input.
   */
  private async takeFromPool(claim: EIPClaim, pod: PodView, poolName: string): Promise<{ claim: EIPClaim } | { result: ReconcileResult }> {
    const { pools } = this.context;
    const refusal = pools.refusal(poolName, pod);
    if (refusal) return { result: await this.refuseInput(claim, pod, `annotation ${POOL_ANNOTATION} ${refusal.problem}`) };
    const pool = pools.pool(poolName)!;
    const member = pools.take(pool, claim);
    if (!member) return { result: await this.waitForPool(claim, pod, pool) };
    let updated: EIPClaim;
    try {
      updated = await this.writer.updateStatus(claim, { addressId: member.addressId, ownership: member.ownership, pool: poolName, phase: 'Allocated' }, [
        { type: 'Allocated', status: 'True', reason: 'PoolAddress', message: `address ${member.addressId} of EIPPool ${poolName}` },
      ]);
    } finally {
      pools.settle(member.addressId);
    }
    await announce(this.context, { pod, claim: updated }, 'Normal', 'AllocatedEIP', `took ${member.addressId} from EIPPool ${poolName}`);
    return { claim: updated };
  }

  /** The pool hears of a claim once, when it starts waiting; after that the pool wakes the claim, and the claim looks again now and then. */
  private async waitForPool(claim: EIPClaim, pod: PodView, pool: EIPPool): Promise<ReconcileResult> {
    const name = pool.metadata.name;
    const maxSize = pool.spec.allocation?.maxSize ?? 0;
    const waitingReason = claim.status?.conditions?.find((condition) => condition.type === 'Ready')?.reason;
    if (!POOL_WAITING_REASONS.has(waitingReason ?? '')) this.context.wakePool(name);
    const poolProblem = pool.status?.conditions?.find((condition) => condition.type === 'Ready' && condition.reason === 'QuotaExceeded');
    if (poolProblem) {
      await this.writer.updateStatus(claim, { phase: 'Pending' }, [{ type: 'Ready', status: 'False', reason: 'QuotaExceeded', message: `EIPPool ${name}: ${poolProblem.message}` }]);
      return { requeueAfterMs: this.context.settings.retry.conflictRetryMs };
    }
    if (this.context.pools.owned(name).length < maxSize) {
      await this.writer.updateStatus(claim, { phase: 'Pending' }, [{ type: 'Ready', status: 'False', reason: 'PoolAllocating', message: `EIPPool ${name} is allocating an address for this claim` }]);
      return { requeueAfterMs: this.context.settings.retry.conflictRetryMs };
    }
    // Free addresses owed to older claims first: this claim is next in line, not facing an exhausted pool.
    if (this.context.pools.free(pool).length > 0) {
      await this.writer.updateStatus(claim, { phase: 'Pending' }, [{ type: 'Ready', status: 'False', reason: 'PoolQueued', message: `EIPPool ${name} hands its free addresses to older claims first; waiting in line` }]);
      return { requeueAfterMs: this.context.settings.retry.polls.firstMs };
    }
    const message = `EIPPool ${name} has no free address (${this.context.pools.members(pool).length} in the pool, maxSize ${maxSize}); waiting for one to be returned`;
    await this.reportWaiting(claim, pod, 'PoolExhausted', 'PoolExhausted', message);
    return { requeueAfterMs: this.context.settings.retry.conflictRetryMs };
  }

  /** A pool's address the cloud no longer has: the claim takes another one of the pool. */
  private async poolAddressLost(claim: EIPClaim, pod: PodView, addressId: string): Promise<ReconcileResult> {
    const message = `address ${addressId} of EIPPool ${claim.status?.pool} no longer exists; taking another`;
    await withdrawPodOutputs(this.context, pod, 'AddressLost', message, true);
    await announce(this.context, { pod, claim }, 'Warning', 'AddressLost', message);
    await this.writer.updateStatus(claim, { addressId: null, ownership: null, pool: null, publicIP: null, privateIP: null, networkInterfaceId: null, phase: 'Pending' }, [
      { type: 'Allocated', status: 'False', reason: 'AddressLost', message },
    ]);
    return { requeueAfterMs: 0 };
  }

  /**
   * A pod of the claim's name that the held address did not serve yet (a returning pod of a Retained
   * claim) must be admitted by the pool that lends it, as a new claim would be (SPEC §10).
   */
  private lenderRefusesNewPod(claim: EIPClaim, pod: PodView): string | undefined {
    const held = claim.status?.addressId;
    if (!held || claim.status?.podUID === pod.uid) return undefined;
    const { pools } = this.context;
    const lender = claim.status?.pool ? pools.pool(claim.status.pool) : pools.lenderOf(held);
    const problem = lender && pools.admissionProblem(lender, pod);
    return problem ? `keeps ${held} of EIPPool ${lender!.metadata.name} for a pod it does not admit: ${problem.problem}` : undefined;
  }

  /**
   * SPEC §10 authorization: an address a pool lends goes only to pods that pool admits; with
   * --static-addresses=pooled, only such addresses may be named at all.
   */
  private staticAuthorizationProblem(addressId: string, pod: PodView): string | undefined {
    const lender = this.context.pools.lenderOf(addressId);
    if (lender) {
      const problem = this.context.pools.admissionProblem(lender, pod);
      return problem && `names ${addressId}, which EIPPool ${lender.metadata.name} lends: ${problem.problem}`;
    }
    if (this.context.settings.staticAddresses !== 'pooled') return undefined;
    return `names ${addressId}, which no EIPPool lists; with --static-addresses=pooled a pod may name only addresses of an EIPPool that admits namespace ${pod.namespace}`;
  }

  /** Bad input found on the way (a pool or an address the pod may not have): no cloud call, the claim and the pod say why. */
  private async refuseInput(claim: EIPClaim, pod: PodView, message: string): Promise<ReconcileResult> {
    if (pod.ownConditions[EIP_BOUND_CONDITION] !== 'True') await withdrawPodOutputs(this.context, pod, 'InvalidRequest', message, false);
    await this.reportWaiting(claim, pod, 'InvalidRequest', 'InvalidEIPRequest', message);
    return {};
  }

  /** A static address the cloud does not know (deleted, or an id of another account or region): nothing to bind, nothing to undo. */
  private async staticAddressMissing(claim: EIPClaim, pod: PodView, addressId: string): Promise<ReconcileResult> {
    const message = `static address ${addressId} does not exist`;
    await withdrawPodOutputs(this.context, pod, 'AddressNotFound', message, true);
    await this.reportWaiting(claim, pod, 'AddressNotFound', 'AddressNotFound', message);
    return { requeueAfterMs: this.context.settings.retry.conflictRetryMs };
  }

  /**
   * The pod now asks for another kind of address, or another static one: the held address comes off
   * the pod (an owned one is released, a static one left where it is) before the new one is taken.
   */
  private async letGo(key: string, claim: EIPClaim, pod: PodView): Promise<ReconcileResult> {
    const addressId = claim.status!.addressId!;
    const subjects = { pod, claim };
    const { outcome, address } = await unbind(this.context, claim, subjects);
    if (outcome === 'waiting') return this.poll(key);
    this.polls.settled(key);
    if (address && address.state !== 'Releasing') await ownershipOf(claim).relinquish(this.context, addressId, subjects);
    const message = `the pod no longer asks for ${addressId}`;
    await withdrawPodOutputs(this.context, pod, 'AddressChanged', message, true);
    await this.writer.updateStatus(
      claim,
      { addressId: null, ownership: null, pool: null, publicIP: null, privateIP: null, networkInterfaceId: null, podUID: null, boundAt: null, phase: 'Pending' },
      [
        { type: 'Allocated', status: 'False', reason: 'AddressChanged', message },
        { type: 'Bound', status: 'False', reason: 'AddressChanged', message },
        { type: 'Ready', status: 'False', reason: 'AddressChanged', message },
      ],
    );
    if (claim.status?.pool) this.context.wakePool(claim.status.pool);
    return { requeueAfterMs: 0 };
  }

  /**
   * No ENI holds the pod's IP (hostNetwork, an overlay CNI): the pod cannot have an EIP. It is told
   * so, the claim looks again less and less often, and an owned address it holds is not billed idle
   * for it longer than the orphan grace period.
   */
  private async noNetworkInterface(key: string, claim: EIPClaim, pod: PodView): Promise<ReconcileResult> {
    const nowMs = this.context.clock.now().getTime();
    const since = this.unresolvedSinceMs(key, pod, nowMs);
    if (nowMs - since < this.context.settings.retry.noInterfaceQuietMs) return this.poll(key);
    const message = `no elastic network interface holds the pod IP ${pod.podIP}: an EIP needs a VPC-native CNI (hostNetwork and overlay pods cannot have one)`;
    await withdrawPodOutputs(this.context, pod, 'NoNetworkInterface', message, false);
    const bound: ConditionInput = { type: 'Bound', status: 'False', reason: 'NoNetworkInterface', message };
    const updated = await this.reportWaiting(claim, pod, 'NoNetworkInterface', 'NoNetworkInterface', message, { phase: claim.status?.phase ?? 'Pending' }, [bound]);
    const idleTooLong = nowMs - since >= this.context.settings.orphanGraceMs;
    if (idleTooLong && updated.status?.addressId && ownershipOf(updated).name === 'Owned') return this.letGo(key, updated, pod);
    return this.poll(key);
  }

  /**
   * A waiting state goes on the claim's Ready condition; its Warning only when the claim did not say
   * so already: not on every retry, nor again after a restart (R13).
   */
  private async reportWaiting(claim: EIPClaim, pod: PodView, reason: string, warning: string, message: string, change: StatusChange = { phase: 'Pending' }, also: ConditionInput[] = []): Promise<EIPClaim> {
    const ready = claim.status?.conditions?.find((condition) => condition.type === 'Ready');
    const updated = await this.writer.updateStatus(claim, change, [...also, { type: 'Ready', status: 'False', reason, message }]);
    if (ready?.reason !== reason || ready.message !== message) await announce(this.context, { pod, claim: updated }, 'Warning', warning, message);
    return updated;
  }

  /** Until the address is bound to this pod again, the pod's readiness gate and the claim say it does not work. */
  private async reportNotBound(claim: EIPClaim, pod: PodView, reason: string, message: string): Promise<EIPClaim> {
    await withdrawPodOutputs(this.context, pod, reason, message, false);
    if (claim.status?.phase !== 'Bound') return claim;
    return this.writer.updateStatus(claim, { phase: 'Allocated' }, [
      { type: 'Bound', status: 'False', reason, message },
      { type: 'Ready', status: 'False', reason, message },
    ]);
  }

  forget(key: string): void {
    this.unresolvedSince.delete(key);
  }

  /** Since when this pod's current IP has been unknown to the cloud's ENIs (a new pod or IP starts afresh). */
  private unresolvedSinceMs(key: string, pod: PodView, nowMs: number): number {
    const known = this.unresolvedSince.get(key);
    if (known && known.podUid === pod.uid && known.podIp === pod.podIP) return known.sinceMs;
    this.unresolvedSince.set(key, { podUid: pod.uid, podIp: pod.podIP ?? '', sinceMs: nowMs });
    return nowMs;
  }

  private poll(key: string): ReconcileResult {
    return { requeueAfterMs: this.polls.next(key) };
  }

  /**
   * A step in progress on the address: the next look reads it off the workers and the claim runs again
   * with the answer cached, so in a burst a look waiting for the describe rate limit holds no worker.
   */
  private look(key: string, addressId: string): ReconcileResult {
    return { ...this.poll(key), lookFirst: () => this.context.addresses.refresh(addressId) };
  }

  /** A write began another asynchronous step: its looks start over, timed from this write, not where the previous step's left off. */
  private lookAtNewStep(key: string, addressId: string): ReconcileResult {
    this.polls.settled(key);
    return this.look(key, addressId);
  }
}
