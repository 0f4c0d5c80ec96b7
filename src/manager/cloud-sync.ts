/**
 * The periodic batched cloud read (R11 drift, R12 orphans, R13 batched start-up read): refresh the
 * address book, collect orphans, then let every claim re-check itself against the fresh view.
 */
import type { Logger } from 'pino';
import type { AddressBook } from '../lifecycle/address-book.js';
import type { OrphanCollector } from '../lifecycle/orphan-collector.js';
import type { EIPClaim } from '../k8s/eipclaim.js';
import { keyOf } from '../k8s/eipclaim.js';

export class CloudSync {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private followUp: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly addresses: AddressBook,
    private readonly orphans: OrphanCollector,
    private readonly claims: () => EIPClaim[],
    private readonly enqueue: (key: string) => void,
    private readonly logger: Logger,
    /** After a pass that read the cloud and collected orphans (the metrics: when, and the quota); never throws. */
    private readonly succeeded: () => Promise<void> = async () => undefined,
  ) {}

  /**
   * One pass now; while a pass runs, one more after it (shared by every caller meanwhile): the running
   * pass may have read the cloud or the clock before the reason for this call.
   */
  runOnce(): Promise<void> {
    if (!this.running) {
      this.running = this.pass().finally(() => (this.running = undefined));
      return this.running;
    }
    this.followUp ??= this.running.then(() => {
      this.followUp = undefined;
      return this.runOnce();
    });
    return this.followUp;
  }

  every(intervalMs: number): void {
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private async pass(): Promise<void> {
    if (this.stopped) return;
    try {
      const claims = this.claims();
      const staticIds = claims.filter((claim) => claim.status?.ownership === 'Static' && claim.status.addressId).map((claim) => claim.status!.addressId!);
      await this.addresses.sync(staticIds);
      await this.orphans.collect();
      for (const claim of this.claims()) this.enqueue(keyOf(claim.metadata));
    } catch (error) {
      this.logger.warn({ err: error }, 'cloud sync failed; the next pass retries');
      return;
    }
    await this.succeeded();
  }
}
