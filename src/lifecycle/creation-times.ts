/**
 * When this controller created each claim, to the millisecond: a claim's creationTimestamp has whole
 * seconds, too coarse for binds that take a second or two. Claims created elsewhere, or before a
 * restart, fall back to their creationTimestamp.
 */
import type { EIPClaim } from '../k8s/eipclaim.js';

export class CreationTimes {
  private readonly byUid = new Map<string, number>();

  record(claim: EIPClaim, atMs: number): void {
    this.byUid.set(claim.metadata.uid, atMs);
  }

  /** The claim's creation time in epoch milliseconds, if known; forgets the recorded one. */
  take(claim: EIPClaim): number | undefined {
    const recorded = this.byUid.get(claim.metadata.uid);
    this.forget(claim);
    if (recorded !== undefined) return recorded;
    return claim.metadata.creationTimestamp ? Date.parse(claim.metadata.creationTimestamp) : undefined;
  }

  forget(claim: EIPClaim): void {
    this.byUid.delete(claim.metadata.uid);
  }
}
