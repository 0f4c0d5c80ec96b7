import { eventually, NAMESPACE, useHarness } from './harness.js';
import { PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS)('R8 cascade ($name)', (row) => {
  const world = useHarness(row, { controller: { enableOwnerRef: true }, terminationCapSeconds: 1 });

  test('claims point at the StatefulSet, and deleting it releases their addresses, never while a pod still runs', async () => {
    await world().createStatefulSet('arena', 2, row.ownedRequest({ keep: true }));
    const bound = await Promise.all(['arena-0', 'arena-1'].map((name) => world().boundClaim(name)));
    const statefulSet = await world().apps.readNamespacedStatefulSet({ namespace: NAMESPACE, name: 'arena' });
    for (const { claim } of bound) {
      expect(claim.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'arena', uid: statefulSet.metadata!.uid, blockOwnerDeletion: false },
      ]);
    }
    const addressIds = bound.map(({ claim }) => claim.status!.addressId!);
    await world().apps.deleteNamespacedStatefulSet({ namespace: NAMESPACE, name: 'arena', propagationPolicy: 'Background' });
    const releasedWhilePodExisted: string[] = [];
    await eventually('both addresses released', async () => {
      const pods = await Promise.all(['arena-0', 'arena-1'].map((name) => world().pod(name)));
      addressIds.forEach((id, index) => {
        if (!world().address(id) && pods[index]) releasedWhilePodExisted.push(id);
      });
      return addressIds.every((id) => !world().address(id));
    });
    expect(releasedWhilePodExisted).toEqual([]);
    await eventually('the claims are gone once their finalizers are removed', async () => ((await world().claims()).length === 0 ? true : undefined));
  });
});
