/**
 * Bandwidth-package joins podeip asked for that the cloud still runs in the background
 * (AddCommonBandwidthPackageIp is asynchronous: the package is BINDING, and DescribeEipAddresses names
 * it only once done). Until then the address is waited for, not joined again; a join not seen done
 * within the bound is asked for again.
 */
import type { CloudAddress } from '../provider.js';

const DEFAULT_BOUND_MS = 60_000;

export class PendingJoins {
  private readonly joins = new Map<string, { packageId: string; untilMs: number }>();

  constructor(
    private readonly boundMs = DEFAULT_BOUND_MS,
    private readonly now: () => number = Date.now,
  ) {}

  started(addressId: string, packageId: string): void {
    this.joins.set(addressId, { packageId, untilMs: this.now() + this.boundMs });
  }

  /** Whether the cloud is still joining the address to this package; a finished, overdue or other join is forgotten. */
  isRunning(address: CloudAddress, packageId: string): boolean {
    const join = this.joins.get(address.id);
    if (!join) return false;
    const running = join.packageId === packageId && address.bandwidthPackageId !== packageId && join.untilMs > this.now();
    if (!running) this.joins.delete(address.id);
    return running;
  }

  forget(addressId: string): void {
    this.joins.delete(addressId);
  }
}
