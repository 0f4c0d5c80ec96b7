/** Electors under observation: records their callbacks in order and waits for them without sleeping blindly. */
import { CoordinationV1Api, KubeConfig } from '@kubernetes/client-node';
import { startLeaderElection, type LeaderElectionOptions, type LeaderElector } from '../../src/leader/index.js';
import { recordFromLease, type LeaderRecord } from '../../src/leader/leader-record.js';

export const NAMESPACE = 'podeip-system';
/** Small but proportionate to the defaults (15/10/2 s): lease 1 s, renew deadline 0.6 s, retry 0.1 s. */
export const FAST = { leaseDurationMs: 1_000, renewDeadlineMs: 600, retryPeriodMs: 100 };

export interface ElectionProbe {
  elector: LeaderElector;
  /** 'started', 'stopped' or 'lost', and 'leader:<identity>' in the order the callbacks ran, with their times. */
  events: Array<{ event: string; at: number }>;
  waitFor(event: string, timeoutMs?: number): Promise<number>;
}

export function startProbe(
  kubeConfig: KubeConfig,
  lease: string,
  identity: string,
  overrides: Partial<LeaderElectionOptions> = {},
): ElectionProbe {
  const events: ElectionProbe['events'] = [];
  const record = (event: string) => events.push({ event, at: Date.now() });
  const elector = startLeaderElection({
    kubeConfig,
    namespace: NAMESPACE,
    name: lease,
    identity,
    ...FAST,
    onStartedLeading: () => record('started'),
    onStoppedLeading: (reason) => record(reason),
    onNewLeader: (leader) => record(`leader:${leader}`),
    ...overrides,
  });
  const waitFor = (event: string, timeoutMs = 5_000) =>
    eventually(() => events.find((entry) => entry.event === event)?.at, timeoutMs, `${identity} to report ${event}`);
  return { elector, events, waitFor };
}

/** Polls `check` every 10 ms until it returns a value other than undefined/false. */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The token of the test's own reads, so they can be told apart from the electors' in the request log. */
export const READER_TOKEN = 'test-reader';

/** The same cluster as `kubeConfig`, authenticated as READER_TOKEN. */
export function readerConfig(kubeConfig: KubeConfig): KubeConfig {
  const cluster = kubeConfig.getCurrentCluster()!;
  const reader = new KubeConfig();
  reader.loadFromOptions({
    clusters: [cluster],
    users: [{ name: 'reader', token: READER_TOKEN }],
    contexts: [{ name: 'reader', cluster: cluster.name, user: 'reader' }],
    currentContext: 'reader',
  });
  return reader;
}

export async function readRecord(reader: KubeConfig, lease: string): Promise<LeaderRecord> {
  const api = reader.makeApiClient(CoordinationV1Api);
  return recordFromLease(await api.readNamespacedLease({ name: lease, namespace: NAMESPACE }));
}

export const eventNames = (probe: ElectionProbe) => probe.events.map((entry) => entry.event);
