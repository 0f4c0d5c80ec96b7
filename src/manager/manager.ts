/**
 * Owns podeip's runnables, as controller-runtime's Manager does: the ones that need leader election
 * (reconcilers, cloud sync) start when this replica begins leading and stop when it stops; the others
 * (endpoints, provider, leader election, caches) run from start() to stop(). Runnables start in the
 * order they were added and stop in reverse, the leader-only ones first.
 */
import type { Logger } from 'pino';

export interface Runnable {
  readonly name: string;
  readonly needLeaderElection: boolean;
  /** Resolves once running. */
  start(): Promise<void> | void;
  /** Stops taking work at once and resolves once drained; in-flight work gets `graceMs` (0 when leadership was lost). */
  stop(graceMs: number): Promise<void> | void;
}

export class Manager {
  private readonly runnables: Runnable[] = [];
  /** Leader-only runnables started in the current term, in start order. */
  private leaderTerm: Runnable[] = [];
  private leading = false;
  private stopping = false;

  constructor(
    private readonly gracefulShutdownMs: number,
    private readonly logger: Logger,
  ) {}

  add(runnable: Runnable): void {
    this.runnables.push(runnable);
  }

  /** Starts every runnable that does not need leader election, in order. */
  async start(): Promise<void> {
    for (const runnable of this.runnables.filter((candidate) => !candidate.needLeaderElection)) await runnable.start();
  }

  /** Leading began: starts the leader-only runnables in order (one that finishes starting after leading ended is stopped again). */
  async lead(): Promise<void> {
    this.leading = !this.stopping;
    for (const runnable of this.runnables.filter((candidate) => candidate.needLeaderElection)) {
      if (!this.leading) return;
      await runnable.start();
      if (!this.leading) return this.stopEach([runnable], 0);
      this.leaderTerm.push(runnable);
    }
  }

  /** Leading ended: the leader-only runnables stop at once, in reverse order. */
  stopLeading(): Promise<void> {
    this.leading = false;
    return this.stopEach(this.leaderTerm.splice(0).reverse(), 0);
  }

  /** Leader-only runnables drain within the grace period, then everything else stops; each group in reverse order. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.leading = false;
    await this.stopEach(this.leaderTerm.splice(0).reverse(), this.gracefulShutdownMs);
    await this.stopEach(this.runnables.filter((runnable) => !runnable.needLeaderElection).reverse(), this.gracefulShutdownMs);
  }

  private async stopEach(runnables: Runnable[], graceMs: number): Promise<void> {
    for (const runnable of runnables) {
      try {
        await runnable.stop(graceMs);
      } catch (error) {
        this.logger.warn({ err: error, runnable: runnable.name }, 'failed to stop cleanly');
      }
    }
  }
}
