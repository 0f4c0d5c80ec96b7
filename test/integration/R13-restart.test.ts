import { eventually, type Harness, useHarness } from './harness.js';
import { PROVIDER_ROWS } from './provider-rows.js';

const CLAIMS = 100;
const names = Array.from({ length: CLAIMS }, (_, index) => `r13-${String(index).padStart(3, '0')}`);

function reconciles(world: Harness): Promise<number> {
  return world.controller!.metrics.reconcileTotal.get().then((metric) => metric.values.reduce((sum, value) => sum + value.value, 0));
}

describe.each(PROVIDER_ROWS)('R13 restart ($name)', (row) => {
  const world = useHarness(row, {
      emulator: { quota: 2 * CLAIMS, rateLimits: false },
      controller: { maxConcurrentReconciles: 20, cloudRateLimits: { perSecond: {}, defaultPerSecond: 1000 } },
    });

  test(`a restart with ${CLAIMS} bound claims makes no cloud write and at most one describe per 100 addresses`, async () => {
    await Promise.all(names.map((name) => world().createPod(name, row.ownedRequest())));
    await eventually(
      'every claim bound and annotated',
      async () => {
        const claims = await world().claims();
        const bound = claims.filter((claim) => claim.status?.phase === 'Bound');
        const pods = (await world().core.listNamespacedPod({ namespace: 'default' })).items;
        const annotated = pods.filter((pod) => pod.metadata?.annotations?.['podeip.io/public-ip']);
        return bound.length === CLAIMS && annotated.length === CLAIMS;
      },
    );
    await world().stopController();
    const before = world().cloud.admin.calls();
    world().apiServer.hooks.clearRequestLog();

    await world().startController();
    await eventually('every claim reconciled after the restart', async () => (await reconciles(world())) >= CLAIMS);
    const after = world().cloud.admin.calls();
    const delta = (action: string) =>
      Object.values(after[action] ?? {}).reduce((sum, count) => sum + count, 0) - Object.values(before[action] ?? {}).reduce((sum, count) => sum + count, 0);
    expect(Object.fromEntries(row.writeActions.map((action) => [action, delta(action)]))).toEqual(Object.fromEntries(row.writeActions.map((action) => [action, 0])));
    expect(delta(row.describeAction)).toBeLessThanOrEqual(Math.ceil(CLAIMS / 100));
    const writes = world().apiServer.hooks
      .requestLog()
      .filter((entry) => ['create', 'update', 'patch', 'delete'].includes(entry.verb) && ['eipclaims', 'events', 'pods'].includes(entry.resource ?? ''));
    expect(writes).toEqual([]);
  });
});
