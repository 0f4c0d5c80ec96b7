import { SeededRandom } from '../../network/seeded-random.js';
import type { Clock, TimerHandle } from './clock.js';

/** How long every asynchronous step takes instead of the provider's own delays: a seeded pick in [minMs, maxMs]. */
export interface AsyncStepDelays {
  minMs: number;
  maxMs: number;
}

/** One asynchronous step the cloud finished: when it began (the call) and when it was done (clock ms). */
export interface CompletedStep {
  startedAtMs: number;
  doneAtMs: number;
}

/** How many finished steps the emulator remembers for GET /_admin/async-steps. */
const REMEMBERED_STEPS = 1_000;

/** Runs the delayed second half of asynchronous cloud operations (BINDING → BIND, …). */
export class TransitionScheduler {
  private readonly pending = new Set<TimerHandle>();
  private completed: CompletedStep[] = [];
  private idleWaiters: Array<() => void> = [];
  /** Production-like delays (e.g. Tencent's 1–3 s per step), replacing the provider's short defaults. */
  stepDelays: AsyncStepDelays | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly random = new SeededRandom(1),
  ) {}

  schedule(delayMs: number, transition: () => void): void {
    const startedAtMs = this.clock.now();
    const handle = this.clock.setTimer(() => {
      this.pending.delete(handle);
      transition();
      this.remember({ startedAtMs, doneAtMs: this.clock.now() });
      this.notifyIfIdle();
    }, this.delayOf(delayMs));
    this.pending.add(handle);
  }

  private delayOf(providerDelayMs: number): number {
    if (!this.stepDelays) return providerDelayMs;
    const { minMs, maxMs } = this.stepDelays;
    return minMs + this.random.integerBelow(maxMs - minMs + 1);
  }

  /** The latest finished steps, oldest first: how long the cloud itself took (the latency benchmark subtracts it). */
  completedSteps(): CompletedStep[] {
    return [...this.completed];
  }

  private remember(step: CompletedStep): void {
    this.completed.push(step);
    if (this.completed.length > REMEMBERED_STEPS) this.completed = this.completed.slice(-REMEMBERED_STEPS / 2);
  }

  pendingCount(): number {
    return this.pending.size;
  }

  /** Resolves once no transition is pending. */
  settled(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops every pending transition (reset, close). */
  cancelAll(): void {
    this.pending.forEach((handle) => this.clock.clearTimer(handle));
    this.pending.clear();
    this.completed = [];
    this.notifyIfIdle();
  }

  private notifyIfIdle(): void {
    if (this.pending.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }
}
