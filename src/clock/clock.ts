/** Wall time for everything that compares against timestamps (expiry, orphan grace), injectable in tests. */
export interface Clock {
  now(): Date;
  /**
   * For clocks that can jump (a test's manual clock): calls `listener` after every jump so sleeping
   * deadlines can be re-checked; returns the unsubscribe function. The system clock has none.
   */
  onJump?(listener: () => void): () => void;
}

export const systemClock: Clock = { now: () => new Date() };

/** Re-checks deadlines after each jump of clocks that announce them; a no-op for the others. */
export function subscribeToClockJumps(clock: Clock, listener: () => void): () => void {
  return clock.onJump?.(listener) ?? (() => undefined);
}
