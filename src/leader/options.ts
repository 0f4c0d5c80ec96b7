import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import type { ElectionClock } from './election-clock.js';

export interface LeaderElectionOptions {
  kubeConfig: KubeConfig;
  /** Namespace of the Lease: the controller's own namespace. */
  namespace: string;
  /** Name of the Lease object. */
  name: string;
  /** Defaults to hostname + "_" + a random UUID, as controller-runtime does. */
  identity?: string;
  /** How long others wait after they last saw the lease change. Default 15 s. */
  leaseDurationMs?: number;
  /** How long the leader keeps retrying a failed renewal before it gives up leading. Default 10 s. */
  renewDeadlineMs?: number;
  /** Pause between acquire attempts and between renewals. Default 2 s. */
  retryPeriodMs?: number;
  clock?: ElectionClock;
  onStartedLeading(): void;
  /**
   * Called once when a term ends: 'lost' when renewals failed past the renew deadline or another holder
   * took over (stop reconciling at once; controller-runtime exits here), 'stopped' when stop() ended it.
   */
  onStoppedLeading(reason: StopReason): void;
  /** Called whenever a different holder is observed (including ourselves). */
  onNewLeader?(identity: string): void;
  logger?: Logger;
}

export type StopReason = 'lost' | 'stopped';

export interface LeaderElectionTimings {
  leaseDurationMs: number;
  renewDeadlineMs: number;
  retryPeriodMs: number;
}

export const DEFAULT_TIMINGS: LeaderElectionTimings = {
  leaseDurationMs: 15_000,
  renewDeadlineMs: 10_000,
  retryPeriodMs: 2_000,
};

/** client-go's wait.JitterUntil factor for acquire retries; renewDeadline must exceed retryPeriod × this. */
export const JITTER_FACTOR = 1.2;

export class LeaderElectionConfigError extends Error {
  override name = 'LeaderElectionConfigError';
}

/** Applies the defaults and checks client-go's constraints: leaseDuration > renewDeadline > 1.2 × retryPeriod > 0. */
export function resolveTimings(options: Partial<LeaderElectionTimings>): LeaderElectionTimings {
  const timings = {
    leaseDurationMs: options.leaseDurationMs ?? DEFAULT_TIMINGS.leaseDurationMs,
    renewDeadlineMs: options.renewDeadlineMs ?? DEFAULT_TIMINGS.renewDeadlineMs,
    retryPeriodMs: options.retryPeriodMs ?? DEFAULT_TIMINGS.retryPeriodMs,
  };
  const problem = timingsProblem(timings, (key) => [key, String(timings[key])]);
  if (problem) throw new LeaderElectionConfigError(problem);
  return timings;
}

/** What is wrong with these timings, or undefined; `describe` gives each one's name and shown value (the CLI words its flags). */
export function timingsProblem(timings: LeaderElectionTimings, describe: (key: keyof LeaderElectionTimings) => [string, string]): string | undefined {
  const named = (key: keyof LeaderElectionTimings) => `${describe(key)[0]} (${describe(key)[1]})`;
  for (const key of ['leaseDurationMs', 'renewDeadlineMs', 'retryPeriodMs'] as const) {
    if (!(timings[key] > 0)) return `${describe(key)[0]} must be greater than zero, got ${describe(key)[1]}`;
  }
  if (timings.leaseDurationMs <= timings.renewDeadlineMs) return `${named('leaseDurationMs')} must be greater than ${named('renewDeadlineMs')}`;
  if (timings.renewDeadlineMs <= JITTER_FACTOR * timings.retryPeriodMs) {
    return `${named('renewDeadlineMs')} must be greater than ${JITTER_FACTOR} × ${named('retryPeriodMs')}`;
  }
  return undefined;
}

export function requireLeaseLocation(options: Pick<LeaderElectionOptions, 'namespace' | 'name' | 'identity'>): void {
  if (!options.namespace) throw new LeaderElectionConfigError('namespace of the lease is required');
  if (!options.name) throw new LeaderElectionConfigError('name of the lease is required');
  if (options.identity === '') throw new LeaderElectionConfigError('identity must not be empty');
}

export function defaultIdentity(): string {
  return `${hostname()}_${randomUUID()}`;
}
