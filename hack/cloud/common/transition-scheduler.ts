import type { Clock, TimerHandle } from './clock.js';

/** Runs the delayed second half of asynchronous cloud operations (BINDING → BIND, …). */
export class TransitionScheduler {
  private readonly pending = new Set<TimerHandle>();
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly clock: Clock) {}

  schedule(delayMs: number, transition: () => void): void {
    const handle = this.clock.setTimer(() => {
      this.pending.delete(handle);
      transition();
      this.notifyIfIdle();
    }, delayMs);
    this.pending.add(handle);
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
    this.notifyIfIdle();
  }

  private notifyIfIdle(): void {
    if (this.pending.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }
}
