import { CoordinationV1Api, CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { startKubeApiServer, type KubeApiServer } from '../../hack/kube-apiserver/index.js';
import { systemElectionClock } from '../../src/leader/index.js';
import { LeaseLock } from '../../src/leader/lease-lock.js';
import { loadControllerRbac } from '../manifests/rbac-rules.js';
import {
  FAST,
  NAMESPACE,
  READER_TOKEN,
  eventNames,
  eventually,
  readRecord,
  readerConfig,
  startProbe,
  type ElectionProbe,
} from './election-probe.js';

let server: KubeApiServer;
let kubeConfig: KubeConfig;
let reader: KubeConfig;
const probes: ElectionProbe[] = [];
let leaseCount = 0;
const newLease = () => `lease-${++leaseCount}`;

function probe(lease: string, identity: string, overrides = {}): ElectionProbe {
  const started = startProbe(kubeConfig, lease, identity, overrides);
  probes.push(started);
  return started;
}

/** The electors' lease requests since the test began, as "verb status" (each test has its own lease). */
const leaseRequests = () =>
  server.hooks
    .requestLog()
    .filter((entry) => entry.resource === 'leases' && entry.user !== READER_TOKEN)
    .map((entry) => `${entry.verb} ${entry.status}`);

/** A fresh lease led by 'a'. */
async function soleLeader(): Promise<{ lease: string; a: ElectionProbe }> {
  const lease = newLease();
  const a = probe(lease, 'a');
  await a.waitFor('started');
  return { lease, a };
}

/** A fresh lease led by 'a', with 'b' waiting and aware of it. */
async function leaderAndStandby(): Promise<{ lease: string; a: ElectionProbe; b: ElectionProbe }> {
  const { lease, a } = await soleLeader();
  const b = probe(lease, 'b');
  await b.waitFor('leader:a');
  return { lease, a, b };
}

beforeAll(async () => {
  server = await startKubeApiServer();
  kubeConfig = server.kubeConfig();
  reader = readerConfig(kubeConfig);
  await kubeConfig.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: NAMESPACE } } });
});

beforeEach(() => {
  server.hooks.clearRequestLog();
});

afterEach(async () => {
  server.hooks.clearFaults();
  await Promise.all(probes.splice(0).map((started) => started.elector.stop({ release: false })));
});

afterAll(async () => {
  await server.close();
});

it('elects exactly one of two candidates; the other sees it as the leader and waits', async () => {
  const lease = newLease();
  const [a, b] = [probe(lease, 'a'), probe(lease, 'b')];
  const leader = await Promise.race([a.waitFor('started').then(() => a), b.waitFor('started').then(() => b)]);
  const standby = leader === a ? b : a;
  const leaderId = leader === a ? 'a' : 'b';
  await standby.waitFor(`leader:${leaderId}`);
  // Let the standby retry several times against a lease that is being renewed.
  const firstRenewal = (await readRecord(reader, lease)).renewTime;
  await eventually(async () => (await readRecord(reader, lease)).renewTime >= firstRenewal + 3 * FAST.retryPeriodMs, 3_000, 'three renewals');

  expect([a.elector.isLeader(), b.elector.isLeader()].filter(Boolean)).toEqual([true]);
  expect(eventNames(leader)).toEqual([`leader:${leaderId}`, 'started']);
  expect(eventNames(standby)).toEqual([`leader:${leaderId}`]);
  expect(await readRecord(reader, lease)).toMatchObject({ holderIdentity: leaderId, leaseDurationSeconds: 1, leaseTransitions: 0 });
});

it('renews with a conditional update, keeping acquireTime and the transition count', async () => {
  const { lease } = await soleLeader();
  const acquired = await readRecord(reader, lease);
  await eventually(async () => (await readRecord(reader, lease)).renewTime > acquired.renewTime, 2_000, 'a renewal');
  const renewed = await readRecord(reader, lease);
  expect(renewed).toEqual({ ...acquired, renewTime: renewed.renewTime });
  expect(leaseRequests().slice(0, 3)).toEqual(['get 404', 'create 201', 'update 200']);
});

it('on stop, the leader releases the lease and a waiting candidate takes over at once', async () => {
  const { lease, a, b } = await leaderAndStandby();

  await a.elector.stop();
  const stoppedAt = Date.now();
  const takenOverAt = await b.waitFor('started');

  expect(eventNames(a)).toEqual(['leader:a', 'started', 'stopped']);
  expect(a.elector.isLeader()).toBe(false);
  expect(takenOverAt - stoppedAt).toBeLessThan(FAST.leaseDurationMs / 2);
  expect(await readRecord(reader, lease)).toMatchObject({ holderIdentity: 'b', leaseDurationSeconds: 1, leaseTransitions: 1 });
});

it('a candidate whose clock is an hour ahead still waits: expiry is judged from local observation, not timestamps', async () => {
  const { lease, a } = await soleLeader();
  const anHourAhead = { ...systemElectionClock, wallNow: () => Date.now() + 3_600_000 };
  const skewed = probe(lease, 'skewed', { clock: anHourAhead });
  await skewed.waitFor('leader:a');
  const observed = await readRecord(reader, lease);
  await eventually(async () => (await readRecord(reader, lease)).renewTime >= observed.renewTime + 3 * FAST.retryPeriodMs, 3_000, 'three renewals');

  expect(eventNames(skewed)).toEqual(['leader:a']);
  expect(a.elector.isLeader()).toBe(true);
});

it('a stopped standby leaves the lease alone', async () => {
  const { lease, a, b } = await leaderAndStandby();
  await b.elector.stop();

  expect(eventNames(b)).toEqual(['leader:a']);
  expect(a.elector.isLeader()).toBe(true);
  expect((await readRecord(reader, lease)).holderIdentity).toBe('a');
});

it('when the leader dies without releasing, another takes over once the lease duration has passed', async () => {
  const { lease, a, b } = await leaderAndStandby();

  await a.elector.stop({ release: false });
  const diedAt = Date.now();
  const takenOverAt = await b.waitFor('started');

  // a renewed at most one retry period before dying; b must wait a full lease duration from its last
  // observation of that renewal, and then polls within 2.2 retry periods.
  expect(takenOverAt - diedAt).toBeGreaterThanOrEqual(FAST.leaseDurationMs - FAST.retryPeriodMs - 50);
  expect(takenOverAt - diedAt).toBeLessThan(FAST.leaseDurationMs + 4 * FAST.retryPeriodMs + 300);
  expect(await readRecord(reader, lease)).toMatchObject({ holderIdentity: 'b', leaseTransitions: 1 });
});

it('five candidates racing to create the lease: one create wins, the others get 409 and follow', async () => {
  const lease = newLease();
  const candidates = ['c1', 'c2', 'c3', 'c4', 'c5'].map((identity) => probe(lease, identity));
  const { holderIdentity } = await eventually(
    async () => {
      const record = await readRecord(reader, lease).catch(() => undefined);
      return record && candidates.every((c) => c.events.some((entry) => entry.event === `leader:${record.holderIdentity}`)) && record;
    },
    3_000,
    'every candidate to see the same leader',
  );
  expect(candidates.filter((c) => c.elector.isLeader()).map((c) => c.elector.identity)).toEqual([holderIdentity]);
  const creates = leaseRequests().filter((write) => write.startsWith('create'));
  expect(creates.filter((write) => write === 'create 201')).toEqual(['create 201']);
  expect(creates.every((write) => write === 'create 201' || write === 'create 409')).toBe(true);
});

it('a renewal that loses a resourceVersion race to another holder gets 409 and stops leading without overwriting it', async () => {
  const { lease, a } = await soleLeader();
  const lock = new LeaseLock(kubeConfig, NAMESPACE, lease);
  const current = (await lock.get())!;
  const now = Date.now();
  await lock.update(
    { holderIdentity: 'intruder', leaseDurationSeconds: 60, acquireTime: now, renewTime: now, leaseTransitions: 1 },
    current.resourceVersion,
  );

  await a.waitFor('lost');
  expect(eventNames(a)).toEqual(['leader:a', 'started', 'leader:intruder', 'lost']);
  expect(leaseRequests()).toContain('update 409');
  expect((await readRecord(reader, lease)).holderIdentity).toBe('intruder');
});

it('a stale resourceVersion is refused with 409 Conflict', async () => {
  const lease = newLease();
  const lock = new LeaseLock(kubeConfig, NAMESPACE, lease);
  const record = { holderIdentity: 'x', leaseDurationSeconds: 15, acquireTime: 1_000, renewTime: 1_000, leaseTransitions: 0 };
  const created = await lock.create(record);
  await lock.update({ ...record, renewTime: 2_000 }, created.resourceVersion);
  await expect(lock.update({ ...record, holderIdentity: 'y' }, created.resourceVersion)).rejects.toMatchObject({ code: 409 });
  await expect(lock.create(record)).rejects.toMatchObject({ code: 409 });
  expect(await lock.get()).toMatchObject({ record: { ...record, renewTime: 2_000 } });
});

it('renewals failing for longer than the renew deadline lose leadership, not sooner', async () => {
  const { lease, a } = await soleLeader();
  server.hooks.injectFault({ pathPattern: new RegExp(`/leases/${lease}$`), status: 500 });
  const failingSince = Date.now();
  const lostAt = await a.waitFor('lost');

  expect(lostAt - failingSince).toBeGreaterThanOrEqual(FAST.renewDeadlineMs - FAST.retryPeriodMs - 50);
  expect(lostAt - failingSince).toBeLessThan(FAST.renewDeadlineMs + 2 * FAST.retryPeriodMs + 300);
  expect(a.elector.isLeader()).toBe(false);
  expect(eventNames(a)).toEqual(['leader:a', 'started', 'lost']);
});

it('a short outage within the renew deadline keeps the leader leading', async () => {
  const { lease, a } = await soleLeader();
  // Fails the fast-path renewal and the update after its re-read; the next retry succeeds.
  server.hooks.injectFault({ method: 'PUT', pathPattern: new RegExp(`/leases/${lease}$`), status: 503, times: 2 });
  const before = await readRecord(reader, lease);
  await eventually(async () => (await readRecord(reader, lease)).renewTime > before.renewTime, 2_000, 'renewal after the outage');

  expect(leaseRequests()).toEqual(expect.arrayContaining(['update 503']));
  expect(a.elector.isLeader()).toBe(true);
  expect(eventNames(a)).toEqual(['leader:a', 'started']);
});

it('an API server that hangs cannot keep a replica leading past the renew deadline', async () => {
  const { lease, a } = await soleLeader();
  server.hooks.injectFault({ method: 'PUT', pathPattern: new RegExp(`/leases/${lease}$`), latencyMs: 1_000, times: 1 });
  const hangingSince = Date.now();
  const lostAt = await a.waitFor('lost');
  expect(lostAt - hangingSince).toBeLessThan(FAST.renewDeadlineMs + 2 * FAST.retryPeriodMs + 300);
  // Let the abandoned request finish so that nothing outlives the test.
  await eventually(() => leaseRequests().includes('update 200'), 2_000, 'the slow renewal to complete');
});

it('uses only get, create and update on leases, all allowed by config/rbac', async () => {
  const { a, b } = await leaderAndStandby();
  await a.elector.stop();
  await b.waitFor('started');
  const calls = server.hooks.requestLog().filter((entry) => entry.resource === 'leases' && entry.user !== READER_TOKEN);
  expect([...new Set(calls.map((entry) => entry.verb))].sort()).toEqual(['create', 'get', 'update']);
  const rbac = loadControllerRbac({ namespace: NAMESPACE });
  expect(calls.filter((entry) => !rbac.allows(entry))).toEqual([]);
});

it('reads the lease with CoordinationV1Api-compatible MicroTime values', async () => {
  const { lease } = await soleLeader();
  const raw = await kubeConfig.makeApiClient(CoordinationV1Api).readNamespacedLease({ name: lease, namespace: NAMESPACE });
  expect(String(raw.spec?.renewTime)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
});
