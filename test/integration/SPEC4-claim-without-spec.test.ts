/** Issue 14 item 17: a claim someone created without a spec breaks neither the cloud sync (R11, R12) nor its own reconcile. */
import { CLUSTER_ID, eventually, NAMESPACE, useHarness } from './harness.js';
import { PROVIDER_ROWS } from './provider-rows.js';

const MINUTE = 60_000;

describe.each(PROVIDER_ROWS)('SPEC 4 a claim without spec ($name)', (row) => {
  const world = useHarness(row);

  test('the sync still collects orphans, the healthy claim stays Ready, and the spec-less claim (no pod) ends as policy Delete would', async () => {
    await world().createPod('healthy', row.ownedRequest());
    await world().boundClaim('healthy');
    await world().custom.createNamespacedCustomObject({
      group: 'podeip.io',
      version: 'v1alpha1',
      namespace: NAMESPACE,
      plural: 'eipclaims',
      body: { apiVersion: 'podeip.io/v1alpha1', kind: 'EIPClaim', metadata: { name: 'no-spec' } },
    });
    const orphan = world().cloud.admin.createAddress({ tags: { 'podeip.io/cluster': CLUSTER_ID, 'podeip.io/claim-uid': 'gone' } });
    await world().controller!.syncCloud();
    world().clock.advance(11 * MINUTE);
    await world().controller!.syncCloud();
    await eventually('orphan released', () => world().address(orphan.addressId) === undefined);
    await eventually('spec-less claim gone', async () => (await world().claim('no-spec')) === undefined);
    const ready = (await world().claim('healthy'))!.status!.conditions!.find((condition) => condition.type === 'Ready');
    expect(ready?.status).toBe('True');
  });
});
