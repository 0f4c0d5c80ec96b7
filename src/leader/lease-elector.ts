import { pino, type Logger } from 'pino';
import { systemElectionClock, type ElectionClock } from './election-clock.js';
import { LeaseLock, type ObservedLease } from './lease-lock.js';
import {
  claimedRecord,
  isHeldByAnother,
  releasedRecord,
  sameRecord,
  type LeaderRecord,
} from './leader-record.js';
import {
  defaultIdentity,
  JITTER_FACTOR,
  requireLeaseLocation,
  resolveTimings,
  type LeaderElectionOptions,
  type LeaderElectionTimings,
  type StopReason,
} from './options.js';

export interface LeaderElector {
  readonly identity: string;
  isLeader(): boolean;
  /**
   * Until when (the election clock's monotonic time) this replica may act as leader: when its last successful acquire or renewal
   * was sent plus the renew deadline; 0 while not leading. Others wait the longer lease duration, so acting
   * only before this time never overlaps with another leader, even after this process was paused.
   */
  leaderUntil(): number;
  /**
   * Stops campaigning or leading and resolves once the loop has ended. If this replica leads, it first
   * releases the lease (unless `release: false`, which behaves like a crash) and then calls onStoppedLeading.
   */
  stop(options?: { release?: boolean }): Promise<void>;
}

type Attempt = 'acquired' | 'held-by-other' | 'failed';

/**
 * Starts campaigning for the Lease `namespace/name` right away, following client-go's
 * tools/leaderelection. One term per elector: after leadership is lost (renewals failing for
 * renewDeadline, or another holder seen) it calls onStoppedLeading and stops; the caller exits or
 * starts a new elector. Throws LeaderElectionConfigError for invalid options.
 */
export function startLeaderElection(options: LeaderElectionOptions): LeaderElector {
  requireLeaseLocation(options);
  return new LeaseElector(options, resolveTimings(options));
}

class LeaseElector implements LeaderElector {
  readonly identity: string;
  private readonly lock: LeaseLock;
  private readonly clock: ElectionClock;
  private readonly log: Logger;
  private readonly leaseDurationSeconds: number;
  private readonly stopping = new AbortController();
  private releaseOnStop = true;
  private leading = false;
  private renewedAt = 0;
  private observed: ObservedLease | undefined;
  private observedAt = 0;
  private reportedLeader = '';
  private readonly running: Promise<void>;

  constructor(
    private readonly options: LeaderElectionOptions,
    private readonly timings: LeaderElectionTimings,
  ) {
    this.identity = options.identity ?? defaultIdentity();
    this.lock = new LeaseLock(options.kubeConfig, options.namespace, options.name);
    this.clock = options.clock ?? systemElectionClock;
    this.log = (options.logger ?? pino({ level: 'silent' })).child({
      component: 'leader-election',
      lease: `${options.namespace}/${options.name}`,
      identity: this.identity,
    });
    this.leaseDurationSeconds = Math.ceil(timings.leaseDurationMs / 1000);
    this.running = this.run().catch((error: unknown) => this.log.error({ err: error }, 'leader election failed'));
  }

  isLeader(): boolean {
    return this.leading;
  }

  leaderUntil(): number {
    return this.leading ? this.renewedAt + this.timings.renewDeadlineMs : 0;
  }

  async stop({ release = true }: { release?: boolean } = {}): Promise<void> {
    this.releaseOnStop = release;
    this.stopping.abort();
    await this.running;
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  private async run(): Promise<void> {
    const acquiredAt = await this.acquire();
    if (acquiredAt === undefined) return;
    if (!this.stopped) {
      this.renewedAt = acquiredAt;
      this.leading = true;
      this.log.info('started leading');
      this.options.onStartedLeading();
      if (await this.renewUntilLost()) return this.stopLeading('lost');
    }
    if (this.releaseOnStop) await this.release();
    if (this.leading) this.stopLeading('stopped');
  }

  /**
   * Tries every retryPeriod (jittered, as client-go) until the lease is ours. Resolves with the time the
   * winning write was sent, or undefined when stopped first.
   */
  private async acquire(): Promise<number | undefined> {
    while (!this.stopped) {
      const sentAt = this.clock.monotonicNow();
      if ((await this.attempt()) === 'acquired') return sentAt;
      const jitteredMs = this.timings.retryPeriodMs * (1 + Math.random() * JITTER_FACTOR);
      await this.clock.delay(jitteredMs, this.stopping.signal);
    }
    return undefined;
  }

  /**
   * Renews every retryPeriod. Returns true when leadership is lost: another holder is seen, or no renewal
   * succeeded for renewDeadline since the last successful one was sent. Since leaseDuration > renewDeadline,
   * this replica stops leading before any other can consider the lease expired. Returns false when stopped.
   */
  private async renewUntilLost(): Promise<boolean> {
    for (;;) {
      await this.clock.delay(this.timings.retryPeriodMs, this.stopping.signal);
      if (this.stopped) return false;
      const sentAt = this.clock.monotonicNow();
      const outcome = await this.attempt(this.renewedAt + this.timings.renewDeadlineMs - sentAt);
      if (outcome === 'acquired') this.renewedAt = sentAt;
      else if (outcome === 'held-by-other' || this.clock.monotonicNow() >= this.renewedAt + this.timings.renewDeadlineMs) {
        this.log.warn({ outcome }, 'failed to renew the lease within the renew deadline');
        return true;
      }
    }
  }

  /** One tryAcquireOrRenew, abandoned as failed when it takes longer than `timeoutMs`. */
  private attempt(timeoutMs = this.timings.renewDeadlineMs): Promise<Attempt> {
    return this.within(timeoutMs, this.tryAcquireOrRenew());
  }

  /** Bounds an API round trip so that a hung API server cannot keep a replica leading or block stop(). */
  private async within(timeoutMs: number, work: Promise<Attempt>): Promise<Attempt> {
    const cancelTimeout = new AbortController();
    const timedOut = this.clock.delay(Math.max(0, timeoutMs), cancelTimeout.signal).then(() => 'failed' as const);
    try {
      return await Promise.race([work, timedOut]);
    } finally {
      cancelTimeout.abort();
    }
  }

  private async tryAcquireOrRenew(): Promise<Attempt> {
    if (this.leading && this.observed && (await this.renewWithCachedVersion(this.observed))) return 'acquired';
    let current: ObservedLease | undefined;
    try {
      current = await this.lock.get();
    } catch (error) {
      this.log.warn({ err: error }, 'failed to read the lease');
      return 'failed';
    }
    if (current === undefined) return this.write(() => this.lock.create(this.claim(undefined)));
    this.observe(current);
    if (isHeldByAnother(current.record, this.identity, this.observedAt, this.clock.monotonicNow())) return 'held-by-other';
    return this.write(() => this.lock.update(this.claim(current.record), current.resourceVersion));
  }

  /** client-go's fast path: the leader renews without a read first; any failure falls back to read-then-update. */
  private async renewWithCachedVersion(cached: ObservedLease): Promise<boolean> {
    try {
      this.observe(await this.lock.update(this.claim(cached.record), cached.resourceVersion));
      return true;
    } catch (error) {
      this.log.debug({ err: error }, 'fast-path renewal failed, re-reading the lease');
      return false;
    }
  }

  private claim(previous: LeaderRecord | undefined): LeaderRecord {
    return claimedRecord(previous, this.identity, this.leaseDurationSeconds, this.clock.wallNow());
  }

  /** A 409 here means another replica wrote first (create or update at a stale resourceVersion). */
  private async write(request: () => Promise<ObservedLease>): Promise<Attempt> {
    try {
      this.observe(await request());
      return 'acquired';
    } catch (error) {
      this.log.debug({ err: error }, 'failed to write the lease');
      return 'failed';
    }
  }

  private observe(lease: ObservedLease): void {
    if (this.observed === undefined || !sameRecord(this.observed.record, lease.record)) {
      this.observedAt = this.clock.monotonicNow();
    }
    this.observed = lease;
    this.reportLeader(lease.record.holderIdentity);
  }

  private reportLeader(holder: string): void {
    if (holder === '' || holder === this.reportedLeader) return;
    this.reportedLeader = holder;
    this.log.info({ leader: holder }, 'new leader observed');
    this.options.onNewLeader?.(holder);
  }

  private async release(): Promise<void> {
    const held = this.observed;
    if (held === undefined || held.record.holderIdentity !== this.identity) return;
    const released = releasedRecord(held.record, this.clock.wallNow());
    const outcome = await this.within(
      this.timings.renewDeadlineMs,
      this.write(() => this.lock.update(released, held.resourceVersion)),
    );
    this.log.info({ released: outcome === 'acquired' }, 'released the lease');
  }

  private stopLeading(reason: StopReason): void {
    this.leading = false;
    this.log.info({ reason }, 'stopped leading');
    this.options.onStoppedLeading(reason);
  }
}
