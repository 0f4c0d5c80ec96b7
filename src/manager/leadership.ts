/**
 * The seam between leader election and reconciling, run by the Manager from start to stop: without
 * --leader-elect this replica leads at once; with it, leading begins in onStartedLeading and ends
 * when leadership is lost.
 */
import type { Logger } from 'pino';
import { type ElectionClock, startLeaderElection, systemElectionClock, type LeaderElector } from '../leader/index.js';
import type { ControllerMetrics } from '../telemetry/metrics.js';
import type { ControllerOptions } from './controller-options.js';
import type { Runnable } from './manager.js';

export interface LeadershipHooks {
  /** Leading began; resolves once reconciling has begun. */
  began(): Promise<void>;
  /** Leadership was lost after having been held (not on stop). */
  lost(): void;
}

export class Leadership implements Runnable {
  readonly name = 'leader election';
  readonly needLeaderElection = false;
  /** Resolves once leading has begun and began() resolved. */
  readonly started: Promise<void>;
  private resolveStarted!: () => void;
  private elector: LeaderElector | undefined;
  private readonly clock: ElectionClock;
  private leading = false;

  constructor(
    private readonly options: Pick<ControllerOptions, 'kubeConfig' | 'leaderElection'>,
    private readonly metrics: ControllerMetrics,
    private readonly logger: Logger,
    private readonly hooks: LeadershipHooks,
  ) {
    this.clock = options.leaderElection?.clock ?? systemElectionClock;
    this.started = new Promise((resolve) => (this.resolveStarted = resolve));
  }

  /** Campaigns for the lease, or leads at once without leader election. */
  start(): void {
    const settings = this.options.leaderElection;
    if (!settings) return this.lead();
    this.elector = startLeaderElection({
      kubeConfig: this.options.kubeConfig,
      ...settings,
      logger: this.logger,
      onStartedLeading: () => this.lead(),
      onStoppedLeading: (reason) => {
        this.leading = false;
        this.metrics.leader.set(0);
        if (reason === 'lost') this.hooks.lost();
      },
    });
  }

  isLeader(): boolean {
    return this.leading;
  }

  /** Leading, and (with an elector) the last renewal is recent enough that no other replica can have taken over. */
  mayWrite(): boolean {
    if (!this.elector) return this.leading;
    return this.leading && this.clock.monotonicNow() < this.elector.leaderUntil();
  }

  /** Why /healthz fails: the lease is held but has not been renewed within the renew deadline. */
  healthProblem(): string | undefined {
    if (!this.elector || !this.leading) return undefined;
    const overdueMs = Math.round(this.clock.monotonicNow() - this.elector.leaderUntil());
    if (overdueMs < 0) return undefined;
    return `leader election: the lease has not been renewed within the renew deadline (overdue by ${overdueMs} ms)`;
  }

  /** Closes the write fence first: a reconcile still running past the grace period must not write after the release. */
  async stop(): Promise<void> {
    this.leading = false;
    await this.elector?.stop({ release: true });
    this.metrics.leader.set(0);
  }

  private lead(): void {
    this.leading = true;
    this.metrics.leader.set(1);
    this.hooks.began().then(this.resolveStarted, (error: unknown) => this.logger.error({ err: error }, 'could not start reconciling'));
  }
}
