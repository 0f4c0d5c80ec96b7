import { setTimeout as sleep } from 'node:timers/promises';

/** Time source for leader election, injectable so tests decide what "now" is. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
  delay(ms: number, signal: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  delay: (ms, signal) => sleep(ms, undefined, { signal }).catch(() => undefined),
};
