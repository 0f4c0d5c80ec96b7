/**
 * Two `podeip run --leader-elect` processes against one API server: exactly one reconciles; killing
 * it hands over within the lease duration; a paused leader that wakes up after losing the lease makes
 * no write next to the new one and exits non-zero.
 */
import { CoordinationV1Api } from '@kubernetes/client-node';
import { CONTROLLER_NAMESPACE, Harness } from './harness.js';
import { ControllerProcess, FAST_LEASE, isWorkWrite, LEADER_ELECT_ARGS, LEASE_NAME } from './process-fixture.js';
import { TENCENT_ROW } from './provider-rows.js';

/** Standby notices the last renewal up to one jittered retry late, then waits the lease and one more jittered retry. */
const TAKEOVER_BUDGET_MS = FAST_LEASE.leaseDurationMs + 2 * 1.2 * FAST_LEASE.retryPeriodMs + 300;

describe('two controller processes with --leader-elect', () => {
  let world: Harness;
  const processes: ControllerProcess[] = [];
  beforeAll(async () => {
    world = await Harness.start(TENCENT_ROW, { inProcessController: false });
  });
  afterAll(async () => {
    for (const started of processes) started.signal('SIGKILL');
    await Promise.all(processes.map((started) => started.exited));
    await world?.close();
  });

  async function replica(user: string): Promise<ControllerProcess> {
    const started = await ControllerProcess.start(world, user, LEADER_ELECT_ARGS);
    processes.push(started);
    return started;
  }

  async function leaseHolder(): Promise<string | undefined> {
    const lease = await world.kubeConfig.makeApiClient(CoordinationV1Api).readNamespacedLease({ namespace: CONTROLLER_NAMESPACE, name: LEASE_NAME });
    return lease.spec?.holderIdentity;
  }

  let leader: ControllerProcess;
  let standby: ControllerProcess;

  test('exactly one replica reconciles and writes', async () => {
    const [a, b] = [await replica('replica-a'), await replica('replica-b')];
    await Promise.race([a.leading(), b.leading()]);
    [leader, standby] = (await a.metric('podeip_leader')) === 1 ? [a, b] : [b, a];
    expect([await leader.metric('podeip_leader'), await standby.metric('podeip_leader')]).toEqual([1, 0]);

    await world.createPod('ha-1', TENCENT_ROW.ownedRequest());
    await world.boundClaim('ha-1');
    expect(await leader.metric('controller_runtime_reconcile_total')).toBeGreaterThan(0);
    expect(await standby.metric('controller_runtime_reconcile_total')).toBe(0);
    expect(leader.requests(world).filter(isWorkWrite).length).toBeGreaterThan(0);
    expect(standby.requests(world).filter(isWorkWrite)).toEqual([]);
    expect(await leaseHolder()).toMatch(/.+_[0-9a-f-]{36}$/);
  });

  test('SIGKILL of the leader: the standby takes over within the lease duration and serves a new pod', async () => {
    const killedAt = Date.now();
    leader.signal('SIGKILL');
    await standby.leading(TAKEOVER_BUDGET_MS + 2_000);
    expect(Date.now() - killedAt).toBeLessThan(TAKEOVER_BUDGET_MS);
    expect(await leader.exited).toBeNull();

    await world.createPod('ha-2', TENCENT_ROW.ownedRequest());
    const { claim } = await world.boundClaim('ha-2');
    expect(standby.requests(world).filter(isWorkWrite).map((entry) => entry.name)).toContain('ha-2');
    expect(claim.status?.phase).toBe('Bound');
    [leader, standby] = [standby, await replica('replica-c')];
  });

  test('a paused leader that lost the lease makes no write after the new leader began, and exits non-zero', async () => {
    const paused = leader;
    const successor = standby;
    paused.signal('SIGSTOP');
    await world.createPod('ha-3', TENCENT_ROW.ownedRequest());
    await successor.leading(TAKEOVER_BUDGET_MS + 2_000);
    await world.boundClaim('ha-3');
    const successorFirstWrite = world.apiServer.hooks.requestLog().findIndex((entry) => entry.user === successor.user && isWorkWrite(entry));
    expect(successorFirstWrite).toBeGreaterThanOrEqual(0);

    // More work, that the paused process finds queued on its watches the moment it wakes up.
    const wakeUpWork = ['ha-4', 'ha-5', 'ha-6', 'ha-7'];
    await Promise.all(wakeUpWork.map((name) => world.createPod(name, TENCENT_ROW.ownedRequest())));
    paused.signal('SIGCONT');
    expect(await paused.exited).toBe(1);
    await Promise.all(wakeUpWork.map((name) => world.boundClaim(name)));
    const afterTakeover = world.apiServer.hooks.requestLog().slice(successorFirstWrite).filter((entry) => entry.user === paused.user);
    expect(afterTakeover.filter(isWorkWrite)).toEqual([]);
    expect(afterTakeover.filter((entry) => entry.resource === 'leases' && entry.verb !== 'get' && entry.status !== 409)).toEqual([]);
    expect(await leaseHolder()).toBe(successor.logLines().find((line) => line.msg === 'started leading')?.identity);
    expect(paused.logLines().some((line) => line.msg === 'leadership lost; exiting so a fresh replica can campaign')).toBe(true);

    const claims = await world.claims();
    expect(claims.map((claim) => claim.status?.phase)).toEqual(Array(7).fill('Bound'));
    expect(new Set(claims.map((claim) => claim.status?.addressId)).size).toBe(7);
    expect(world.cloud.admin.calls().AllocateAddresses).toEqual({ OK: 7 });
  });
});
