/**
 * Issue 14 item 13: leader election and the write fence measure durations on the monotonic clock, as
 * client-go does. A step of the wall clock (NTP) — forwards or backwards — neither extends a term this
 * replica may no longer hold nor makes a live leader look expired; the Lease's MicroTime fields stay
 * wall time. Real API server; election clocks whose wall and monotonic time move independently.
 */
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { pino } from 'pino';
import { startKubeApiServer, type KubeApiServer } from '../../hack/kube-apiserver/index.js';
import { type ElectionClock, systemElectionClock } from '../../src/leader/index.js';
import { LeaseLock } from '../../src/leader/lease-lock.js';
import { Leadership } from '../../src/manager/leadership.js';
import { ControllerMetrics } from '../../src/telemetry/metrics.js';
import { EMPTY_METRICS_SOURCES } from '../support/empty-metrics-sources.js';
import { FAST, NAMESPACE, READER_TOKEN, eventNames, eventually, readRecord, readerConfig, startProbe, type ElectionProbe } from './election-probe.js';

const HOUR_MS = 3_600_000;

/** Real monotonic time and timers; wall time the test steps, or freezes. */
class SteppedWallClock implements ElectionClock {
  wallOffsetMs = 0;
  frozenWall: number | undefined;
  monotonicNow = systemElectionClock.monotonicNow;
  delay = systemElectionClock.delay;
  wallNow(): number {
    return this.frozenWall ?? Date.now() + this.wallOffsetMs;
  }
}

/** Both times move only when the test says; delays end only on abort, so no renewal ever comes. */
class ManualElectionClock implements ElectionClock {
  monotonic = 0;
  wall = Date.parse('2026-01-01T00:00:00Z');
  monotonicNow(): number {
    return this.monotonic;
  }
  wallNow(): number {
    return this.wall;
  }
  delay(_ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
  }
}

let server: KubeApiServer;
let kubeConfig: KubeConfig;
let reader: KubeConfig;
const probes: ElectionProbe[] = [];
let leaseCount = 0;
const newLease = () => `monotonic-${++leaseCount}`;

beforeAll(async () => {
  server = await startKubeApiServer();
  kubeConfig = server.kubeConfig();
  reader = readerConfig(kubeConfig);
  await kubeConfig.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: NAMESPACE } } });
});

afterEach(async () => {
  server.hooks.clearFaults();
  await Promise.all(probes.splice(0).map((started) => started.elector.stop({ release: false })));
});

afterAll(async () => {
  await server.close();
});

function probe(lease: string, identity: string, clock: ElectionClock): ElectionProbe {
  const started = startProbe(kubeConfig, lease, identity, { clock });
  probes.push(started);
  return started;
}

/** A lease held by `holder`, which nobody renews. */
async function leaseHeldBy(holder: string, leaseDurationSeconds: number): Promise<string> {
  const lease = newLease();
  const now = Date.now();
  await new LeaseLock(kubeConfig, NAMESPACE, lease).create({ holderIdentity: holder, leaseDurationSeconds, acquireTime: now, renewTime: now, leaseTransitions: 0 });
  return lease;
}

/** The electors' reads of this lease so far (each acquire attempt starts with one). */
const electorReads = (lease: string) =>
  server.hooks.requestLog().filter((entry) => entry.resource === 'leases' && entry.name === lease && entry.verb === 'get' && entry.user !== READER_TOKEN).length;

it('mayWrite() follows monotonic time: wall steps either way neither end nor extend the term; the Lease carries wall time', async () => {
  const lease = newLease();
  const clock = new ManualElectionClock();
  const metrics = new ControllerMetrics(EMPTY_METRICS_SOURCES);
  const leaderElection = { namespace: NAMESPACE, name: lease, identity: 'a', ...FAST, clock };
  const options = { kubeConfig, leaderElection };
  const leadership = new Leadership(options, metrics, pino({ level: 'silent' }), { began: async () => undefined, lost: () => undefined });
  leadership.start();
  await leadership.started;
  expect(await readRecord(reader, lease)).toMatchObject({ holderIdentity: 'a', acquireTime: clock.wall, renewTime: clock.wall });

  clock.wall += HOUR_MS;
  expect([leadership.mayWrite(), leadership.healthProblem()]).toEqual([true, undefined]);
  clock.wall -= 2 * HOUR_MS;
  clock.monotonic += FAST.renewDeadlineMs - 1;
  expect([leadership.mayWrite(), leadership.healthProblem()]).toEqual([true, undefined]);
  clock.monotonic += 1;
  expect([leadership.mayWrite(), leadership.healthProblem()]).toEqual([
    false,
    'leader election: the lease has not been renewed within the renew deadline (overdue by 0 ms)',
  ]);

  await leadership.stop();
});

it('a standby whose wall clock steps an hour forward keeps waiting for a live lease', async () => {
  const lease = await leaseHeldBy('other', 60);
  const clock = new SteppedWallClock();
  const b = probe(lease, 'b', clock);
  await b.waitFor('leader:other');

  clock.wallOffsetMs = HOUR_MS;
  const readsBeforeStep = electorReads(lease);
  await eventually(() => electorReads(lease) >= readsBeforeStep + 3, 5_000, 'three more acquire attempts');

  expect(eventNames(b)).toEqual(['leader:other']);
  expect(await readRecord(reader, lease)).toMatchObject({ holderIdentity: 'other', leaseTransitions: 0 });
});

it('a standby whose wall clock stands still takes over an abandoned lease once its duration has passed in monotonic time', async () => {
  const lease = await leaseHeldBy('gone', 1);
  const clock = new SteppedWallClock();
  clock.frozenWall = Date.parse('2026-01-01T00:00:00Z');
  const b = probe(lease, 'b', clock);

  await b.waitFor('started');

  expect(eventNames(b)).toEqual(['leader:gone', 'leader:b', 'started']);
  expect(await readRecord(reader, lease)).toMatchObject({ holderIdentity: 'b', acquireTime: clock.frozenWall, renewTime: clock.frozenWall, leaseTransitions: 1 });
});

it('a leader whose renewals fail loses leadership after the renew deadline even when its wall clock steps an hour back', async () => {
  const lease = newLease();
  const clock = new SteppedWallClock();
  const a = probe(lease, 'a', clock);
  await a.waitFor('started');

  server.hooks.injectFault({ pathPattern: new RegExp(`/leases/${lease}$`), status: 500 });
  clock.wallOffsetMs = -HOUR_MS;

  await a.waitFor('lost');
  expect(eventNames(a)).toEqual(['leader:a', 'started', 'lost']);
  expect(a.elector.leaderUntil()).toBe(0);
});
