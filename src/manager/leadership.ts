/**
 * The seam between leader election and reconciling: without --leader-elect this replica leads at
 * once; with it, reconciling begins in onStartedLeading and ends when leadership is lost.
 */
import type { Logger } from 'pino';
import { type ElectionClock, startLeaderElection, systemElectionClock, type LeaderElector } from '../leader/index.js';
import type { ControllerMetrics } from '../telemetry/metrics.js';
import type { ControllerOptions } from './controller-options.js';

export class Leadership {
  readonly started: Promise<void>;
  private elector: LeaderElector | undefined;
  private readonly clock: ElectionClock;
  private leading = false;

  constructor(
    options: ControllerOptions,
    private readonly metrics: ControllerMetrics,
    logger: Logger,
    begin: () => Promise<void>,
    lost: () => void,
  ) {
    this.clock = options.leaderElection?.clock ?? systemElectionClock;
    let resolveStarted!: () => void;
    this.started = new Promise((resolve) => (resolveStarted = resolve));
    const lead = () => {
      this.leading = true;
      metrics.leader.set(1);
      begin().then(resolveStarted, (error: unknown) => logger.error({ err: error }, 'could not start reconciling'));
    };
    if (!options.leaderElection) {
      lead();
      return;
    }
    this.elector = startLeaderElection({
      kubeConfig: options.kubeConfig,
      ...options.leaderElection,
      logger,
      onStartedLeading: lead,
      onStoppedLeading: (reason) => {
        this.leading = false;
        metrics.leader.set(0);
        if (reason === 'lost') lost();
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
}
