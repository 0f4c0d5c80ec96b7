/**
 * SPEC R4 (pod gone, policy Delete) when the pod's whole namespace is deleted: the namespace is
 * Terminating while the namespace controller deletes its pods and claims (claims wait for podeip's
 * finalizer), so every address is released before the namespace goes, and nothing leaks.
 */
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { eventually, useHarness } from './harness.js';
import { actionOf, PROVIDER_ROWS } from './provider-rows.js';

const NAMESPACE = 'r4-doomed';
const PODS = ['web-0', 'web-1'];

describe.each(PROVIDER_ROWS)('R4 namespace deleted, policy Delete ($name)', (row) => {
  const world = useHarness(row);
  const claims = async () => {
    const list = await world().custom.listNamespacedCustomObject({ group: 'podeip.io', version: 'v1alpha1', namespace: NAMESPACE, plural: 'eipclaims' });
    return (list as { items: EIPClaim[] }).items;
  };

  test('deleting the namespace releases the addresses of its claims before it goes, and leaks nothing', async () => {
    const addressesBefore = world().cloud.admin.addresses().length;
    await world().core.createNamespace({ body: { metadata: { name: NAMESPACE } } });
    for (const name of PODS) {
      await world().core.createNamespacedPod({ namespace: NAMESPACE, body: { metadata: { name, annotations: row.ownedRequest() }, spec: { containers: [{ name: 'app', image: 'busybox' }] } } });
    }
    const bound = await eventually('both claims bound', async () => {
      const current = await claims();
      return current.length === PODS.length && current.every((claim) => claim.status?.phase === 'Bound') ? current : undefined;
    });
    const addressIds = bound.map((claim) => claim.status!.addressId!);
    expect(addressIds.every((id) => world().address(id) !== undefined)).toBe(true);

    await world().core.deleteNamespace({ name: NAMESPACE });
    await eventually('namespace gone', async () => (await world().core.readNamespace({ name: NAMESPACE }).catch((error) => error)).code === 404);
    expect(addressIds.map((id) => world().address(id))).toEqual([undefined, undefined]);
    expect(world().cloud.admin.addresses()).toHaveLength(addressesBefore);
    expect(world().calls(actionOf(row, 'release'))).toBe(PODS.length);
  });
});
