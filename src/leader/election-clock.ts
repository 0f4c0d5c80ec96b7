import { setTimeout as sleep } from 'node:timers/promises';

/** Time and timers for leader election (src/clock has wall time only; elections also need delays), injectable for tests. */
export interface ElectionClock {
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
  delay(ms: number, signal: AbortSignal): Promise<void>;
}

export const systemElectionClock: ElectionClock = {
  now: () => Date.now(),
  delay: (ms, signal) => sleep(ms, undefined, { signal }).catch(() => undefined),
};
