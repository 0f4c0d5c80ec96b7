/** Claim writes: each one goes to the API server only when it changes something, and its answer is fed back to the cache. */
import { type EIPClaim, type EIPClaimStatus, FINALIZER } from '../k8s/eipclaim.js';
import { type ConditionInput, mergeConditions, sameConditions } from './conditions.js';
import type { LifecycleContext } from './context.js';

/** Status fields to set; `null` removes a field. */
export type StatusChange = { [K in keyof Omit<EIPClaimStatus, 'conditions' | 'observedGeneration'>]?: EIPClaimStatus[K] | null };

export class ClaimWriter {
  constructor(private readonly context: LifecycleContext) {}

  /** Applies the change; returns the claim as it now is (unchanged object if nothing differed). */
  async updateStatus(claim: EIPClaim, change: StatusChange, conditions: ConditionInput[] = []): Promise<EIPClaim> {
    const updated = await this.writeStatus(claim, change, conditions);
    await this.context.afterClaimStatus?.(updated);
    return updated;
  }

  private async writeStatus(claim: EIPClaim, change: StatusChange, conditions: ConditionInput[]): Promise<EIPClaim> {
    const current = claim.status ?? {};
    const merged = mergeConditions(current.conditions, conditions, this.context.clock.now(), claim.metadata.generation);
    const fieldsDiffer = Object.entries(change).some(([field, value]) => (current as Record<string, unknown>)[field] !== (value ?? undefined));
    const generationSeen = current.observedGeneration === claim.metadata.generation;
    if (!fieldsDiffer && generationSeen && sameConditions(current.conditions, merged)) return claim;
    const body: Record<string, unknown> = { ...change, conditions: merged };
    if (claim.metadata.generation !== undefined) body.observedGeneration = claim.metadata.generation;
    const updated = await this.context.api.patchClaimStatus(claim.metadata.namespace, claim.metadata.name, body);
    this.context.claims.observe(updated);
    return updated;
  }

  async patchSpecAndMeta(claim: EIPClaim, patch: object): Promise<EIPClaim> {
    const updated = await this.context.api.patchClaim(claim.metadata.namespace, claim.metadata.name, patch);
    this.context.claims.observe(updated);
    return updated;
  }

  async ensureFinalizer(claim: EIPClaim): Promise<EIPClaim> {
    const finalizers = claim.metadata.finalizers ?? [];
    if (finalizers.includes(FINALIZER)) return claim;
    return this.patchSpecAndMeta(claim, { metadata: { finalizers: [...finalizers, FINALIZER], resourceVersion: claim.metadata.resourceVersion } });
  }

  /** With a resourceVersion precondition, so another owner's finalizer added meanwhile is not lost. */
  async removeFinalizer(claim: EIPClaim): Promise<void> {
    const finalizers = (claim.metadata.finalizers ?? []).filter((name) => name !== FINALIZER);
    await this.context.api.patchClaim(claim.metadata.namespace, claim.metadata.name, {
      metadata: { finalizers, resourceVersion: claim.metadata.resourceVersion },
    });
  }

  async delete(claim: EIPClaim): Promise<void> {
    await this.context.api.deleteClaim(claim.metadata.namespace, claim.metadata.name, claim.metadata.uid);
  }
}
