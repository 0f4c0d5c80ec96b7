/**
 * /healthz fails with its reason while an informer's watchdog has tripped and its relist keeps failing,
 * and while the lease is held but not renewed within the renew deadline (then no write gets out);
 * /readyz only says the caches are synced.
 */
import type { ElectionClock } from '../../src/leader/index.js';
import { CONTROLLER_NAMESPACE, CONTROLLER_USER, eventually, Harness } from './harness.js';
import { isWorkWrite, metricTotal } from './process-fixture.js';
import { TENCENT_ROW } from './provider-rows.js';

/** Election time that moves only when the test says; its delays end only on abort, so a renewal never comes. */
class StalledElectionClock implements ElectionClock {
  time = 0;
  monotonicNow(): number {
    return this.time;
  }
  wallNow(): number {
    return Date.now();
  }
  delay(_ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
  }
}

async function probe(url: string): Promise<[number, string]> {
  const response = await fetch(url);
  return [response.status, await response.text()];
}

describe('/healthz and /readyz', () => {
  let world: Harness;
  beforeAll(async () => {
    world = await Harness.start(TENCENT_ROW, { inProcessController: false });
  });
  afterEach(async () => {
    world.apiServer.hooks.clearFaults();
    await world.stopController();
  });
  afterAll(async () => {
    await world?.close();
  });

  test('a tripped watchdog whose relist keeps failing fails /healthz until the relist succeeds', async () => {
    const { probesUrl } = await world.startController({ informers: { quietLimitMs: 100, retryDelayMs: 300 } });
    expect(await probe(`${probesUrl}/healthz`)).toEqual([200, 'ok\n']);

    world.apiServer.hooks.injectFault({ method: 'GET', pathPattern: /^\/api\/v1\/pods$/, status: 500 });
    world.apiServer.hooks.dropAllWatches();
    const [status, reason] = await eventually('/healthz to fail', async () => {
      const answer = await probe(`${probesUrl}/healthz`);
      return answer[0] !== 200 && answer;
    });
    expect(status).toBe(500);
    expect(reason).toMatch(/^informer \/api\/v1\/pods: relisting has failed for \d+ ms: HTTP-Code: 500\n$/);
    expect(await probe(`${probesUrl}/readyz`)).toEqual([200, 'ok\n']);
    const failedLists = world.apiServer.hooks.requestLog().filter((entry) => entry.user === CONTROLLER_USER && entry.verb === 'list' && entry.status === 500);
    expect(failedLists.length).toBeGreaterThan(0);

    world.apiServer.hooks.clearFaults();
    await eventually('/healthz to recover', async () => (await probe(`${probesUrl}/healthz`))[0] === 200);
    expect(await probe(`${probesUrl}/healthz`)).toEqual([200, 'ok\n']);
  });

  test('a held lease not renewed within the renew deadline fails /healthz, and the replica writes nothing', async () => {
    const clock = new StalledElectionClock();
    const renewDeadlineMs = 1_000;
    const controller = await world.startController({
      leaderElection: { namespace: CONTROLLER_NAMESPACE, name: 'health-lease', identity: 'stalled', leaseDurationMs: 2_000, renewDeadlineMs, retryPeriodMs: 200, clock },
    });
    expect(controller.isLeader()).toBe(true);
    expect(await probe(`${controller.probesUrl}/healthz`)).toEqual([200, 'ok\n']);

    clock.time += renewDeadlineMs;
    expect(await probe(`${controller.probesUrl}/healthz`)).toEqual([500, 'leader election: the lease has not been renewed within the renew deadline (overdue by 0 ms)\n']);
    expect(await probe(`${controller.probesUrl}/readyz`)).toEqual([200, 'ok\n']);

    const logStart = world.apiServer.hooks.requestLog().length;
    await world.createPod('fenced', TENCENT_ROW.ownedRequest());
    await eventually('a refused reconcile', async () => (await metricTotal(controller.metricsUrl, 'controller_runtime_reconcile_errors_total')) > 0);
    expect(world.apiServer.hooks.requestLog().slice(logStart).filter((entry) => entry.user === CONTROLLER_USER && isWorkWrite(entry))).toEqual([]);
    expect(await world.claim('fenced')).toBeUndefined();
    expect(world.calls('AllocateAddresses')).toBe(0);
  });
});
