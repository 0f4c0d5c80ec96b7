/**
 * R12: addresses tagged for this cluster whose claim no longer exists (or whose claim holds a
 * different address), or whose EIPPool no longer exists, are released once the grace period has
 * passed since they were created. Untagged and
 * other-cluster addresses are never looked at: the sync only reads this cluster's tag. An address
 * without podeip's claim tag, or one a claim names, is not an orphan whatever its cluster tag says.
 * A controller watching one namespace leaves addresses of other namespaces to whoever watches those.
 */
import type { Logger } from 'pino';
import type { EIPClaim } from '../k8s/eipclaim.js';
import { POOL_TAG } from '../k8s/eippool.js';
import type { CloudAddress } from '../providers/provider.js';
import { CLAIM_UID_TAG, NAMESPACE_TAG } from './address-book.js';
import { doneIfGone } from './cloud-steps.js';
import type { LifecycleContext } from './context.js';

export class OrphanCollector {
  /** address id → when this process first saw it orphaned (clock time). */
  private readonly firstSeen = new Map<string, number>();

  constructor(
    private readonly context: LifecycleContext,
    private readonly logger: Logger,
  ) {}

  async collect(): Promise<void> {
    const orphans = this.context.addresses.tagged().filter((address) => this.isOrphan(address));
    const now = this.context.clock.now().getTime();
    const current = new Set(orphans.map((address) => address.id));
    for (const id of this.firstSeen.keys()) if (!current.has(id)) this.firstSeen.delete(id);
    for (const address of orphans) {
      const seen = this.firstSeen.get(address.id) ?? now;
      this.firstSeen.set(address.id, seen);
      if (now - orphanedSince(address, seen) >= this.context.settings.orphanGraceMs) await this.releaseOrphan(address);
    }
  }

  private isOrphan(address: CloudAddress): boolean {
    if (address.state === 'Releasing' || address.state === 'Creating') return false;
    const { namespace } = this.context.settings;
    if (namespace !== undefined && address.tags[NAMESPACE_TAG] !== namespace) return false;
    const claims = this.context.claims.list();
    // A claim that names the address holds it (a static address podeip once allocated), whatever its tags say;
    // an address a pool lists is that pool's static member, never released.
    if (claims.some((claim) => claim.status?.addressId === address.id || claim.spec?.addressId === address.id)) return false;
    if (this.context.pools.isListed(address.id)) return false;
    // podeip tags every address it allocates with the claim's UID or the pool's name at creation: without either, not ours.
    const claimUid = address.tags[CLAIM_UID_TAG];
    if (claimUid) return this.isClaimOrphan(address, claimUid, claims);
    const poolName = address.tags[POOL_TAG];
    // A pool deleted with its finalizer removed by force never released its owned addresses.
    return poolName !== undefined && this.context.pools.pool(poolName) === undefined;
  }

  private isClaimOrphan(address: CloudAddress, claimUid: string, claims: EIPClaim[]): boolean {
    const claim = claims.find((candidate) => candidate.metadata.uid === claimUid);
    if (!claim) return true;
    const recorded = claim.status?.addressId;
    return recorded !== undefined && recorded !== address.id;
  }

  /** One step per pass: an orphan still bound is unbound now and released on a later pass. */
  private async releaseOrphan(address: CloudAddress): Promise<void> {
    try {
      const { addresses, provider } = this.context;
      if (address.state === 'Bound') {
        await doneIfGone(() => addresses.changing(address.id, () => provider.disassociate(address.id, address.target)));
      } else if (address.state === 'Available') {
        await doneIfGone(() => addresses.changing(address.id, () => provider.release(address.id)));
        addresses.forget(address.id);
        this.firstSeen.delete(address.id);
        this.context.metrics.orphansReleased.inc();
        this.logger.info({ addressId: address.id, tags: address.tags }, 'released orphaned address');
      }
    } catch (error) {
      this.logger.warn({ err: error, addressId: address.id }, 'could not release orphaned address; will retry');
    }
  }
}

/**
 * The grace period counts from the address's creation when the cloud says when that was, so a
 * controller restarted (or a leader replaced) more often than the grace period still releases
 * orphans; never from later than this process first saw it.
 */
function orphanedSince(address: CloudAddress, firstSeenMs: number): number {
  const createdMs = address.createdAt ? Date.parse(address.createdAt) : Number.NaN;
  return Number.isNaN(createdMs) ? firstSeenMs : Math.min(createdMs, firstSeenMs);
}
