import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Time and timers for leader election, injectable for tests. As client-go, every duration (renew
 * deadline, lease expiry, the write fence) is measured on the monotonic clock, so an NTP step of the
 * wall clock neither extends a term this replica may no longer hold nor expires a live leader;
 * wall time only fills the Lease's acquireTime / renewTime for people and other tools to read.
 */
export interface ElectionClock {
  /** Milliseconds on a clock that never steps (only differences mean anything). */
  monotonicNow(): number;
  /** Epoch milliseconds, for the Lease's MicroTime fields only. */
  wallNow(): number;
  /** Resolves after `ms` (monotonic), or as soon as `signal` aborts (never rejects). */
  delay(ms: number, signal: AbortSignal): Promise<void>;
}

export const systemElectionClock: ElectionClock = {
  monotonicNow: () => performance.now(),
  wallNow: () => Date.now(),
  delay: (ms, signal) => sleep(ms, undefined, { signal }).catch(() => undefined),
};
