import { eventually, useHarness } from './harness.js';
import { TENCENT_ROW } from './provider-rows.js';

describe('informer resilience', () => {
  const world = useHarness(TENCENT_ROW);

  test('dropped watches are re-opened and a 410 Gone relists; nothing is missed', async () => {
    await eventually('watches open', () => world().apiServer.hooks.openWatches() >= 2);
    world().apiServer.hooks.dropAllWatches();
    await world().createPod('after-drop', TENCENT_ROW.ownedRequest());
    await world().boundClaim('after-drop');
    world().apiServer.hooks.expireNextWatch();
    world().apiServer.hooks.dropAllWatches();
    await world().createPod('after-expiry', TENCENT_ROW.ownedRequest());
    await world().boundClaim('after-expiry');
  });

  test('a stopped controller stays stopped: its watches close and no reconcile happens afterwards', async () => {
    const openBefore = world().apiServer.hooks.openWatches();
    await world().stopController();
    await eventually('controller watches closed', () => world().apiServer.hooks.openWatches() <= openBefore - 2);
    world().apiServer.hooks.dropAllWatches();
    world().apiServer.hooks.clearRequestLog();
    await world().createPod('while-stopped', TENCENT_ROW.ownedRequest());
    await eventually('pod running', async () => (await world().pod('while-stopped'))?.status?.phase === 'Running');
    expect(await world().claim('while-stopped')).toBeUndefined();
    expect(world().apiServer.hooks.requestLog().filter((entry) => entry.resource === 'eipclaims' && entry.verb !== 'get')).toEqual([]);
    await world().startController();
    await world().boundClaim('while-stopped');
  });

  test('repeated events aggregate: one Event object with a growing count', async () => {
    const bad = { 'tke.cloud.tencent.com/eip-attributes': '{"ISP":"X"}' };
    await world().createPod('noisy', bad);
    await eventually('first warning', async () => (await world().events('InvalidEIPRequest', 'noisy')).length === 1);
    // Each a different problem with the same request (a pod update alone does not repeat a problem the claim already shows).
    for (const value of ['{"ISP":"Y"}', '{"ISP":"Z"}']) {
      await world().core.patchNamespacedPod({ namespace: 'default', name: 'noisy', body: [{ op: 'add', path: '/metadata/annotations/tke.cloud.tencent.com~1eip-attributes', value }] });
    }
    const events = await eventually('count bumped', async () => {
      const found = await world().events('InvalidEIPRequest', 'noisy');
      return found[0]?.count && found[0].count >= 2 ? found : undefined;
    });
    expect(events).toHaveLength(1);
  });
});
