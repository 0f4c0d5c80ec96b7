/**
 * Review of R4 with R8: with --enable-ownerref the finalizer waits while a live pod of the claim's
 * name exists, so a cascade never frees an address in use. A StatefulSet pod with policy Delete that
 * is deleted and re-created under the same name is a different pod: the old claim must still finish
 * (release its address) so that the successor gets a claim and an address of its own, instead of the
 * finalizer waiting for a pod that will never go. That holds too when the old claim never recorded
 * a pod (its address was allocated but never bound before the pod went).
 */
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import type { OwnedAddressRequest } from '../../src/annotations/claim-request.js';
import { DIALECTS } from '../../src/annotations/dialects.js';
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { trimPod } from '../../src/k8s/pod-view.js';
import { CLUSTER_ID, eventually, NAMESPACE, useHarness } from './harness.js';
import { PROVIDER_ROWS } from './provider-rows.js';

const CLAIMS = { group: 'podeip.io', version: 'v1alpha1', namespace: NAMESPACE, plural: 'eipclaims' };

describe.each(PROVIDER_ROWS)('R8 owner references and a re-created StatefulSet pod ($name)', (row) => {
  const world = useHarness(row, { controller: { enableOwnerRef: true } });

  test('a StatefulSet pod re-created under the same name gets a new claim and address; the old address is released', async () => {
    await world().createStatefulSet('rv-sts', 1, row.ownedRequest());
    const first = await world().boundClaim('rv-sts-0');
    const oldAddress = first.claim.status!.addressId!;

    await world().deletePod('rv-sts-0');
    const second = await eventually('a new claim bound to the successor pod', async () => {
      const bound = await world().boundClaim('rv-sts-0', 1_000).catch(() => undefined);
      return bound && bound.claim.metadata.uid !== first.claim.metadata.uid ? bound : undefined;
    });

    expect(second.pod.metadata!.uid).not.toBe(first.pod.metadata!.uid);
    expect(second.claim.status!.podUID).toBe(second.pod.metadata!.uid);
    expect(second.claim.status!.addressId).not.toBe(oldAddress);
    expect(world().address(oldAddress)).toBeUndefined();
  });

  test('a deleted claim whose address was never bound releases it although a successor pod of its name runs', async () => {
    await world().stopController();
    await world().createStatefulSet('rv-nb', 1, row.ownedRequest());
    const successor = await eventually('successor pod running', async () => {
      const pod = await world().pod('rv-nb-0');
      return pod?.status?.podIP ? pod : undefined;
    });
    const statefulSet = await world().apps.readNamespacedStatefulSet({ namespace: NAMESPACE, name: 'rv-nb' });
    const request = DIALECTS[row.name].parse(trimPod(successor, [])) as OwnedAddressRequest;
    const oldClaim = (await world().custom.createNamespacedCustomObject({
      ...CLAIMS,
      body: {
        apiVersion: 'podeip.io/v1alpha1',
        kind: 'EIPClaim',
        metadata: {
          name: 'rv-nb-0',
          finalizers: ['podeip.io/release'],
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'rv-nb', uid: statefulSet.metadata!.uid, blockOwnerDeletion: false }],
        },
        spec: { provider: row.name, deletePolicy: 'Delete', allocation: request.allocation },
      },
    })) as EIPClaim;
    const tags = { 'podeip.io/cluster': CLUSTER_ID, 'podeip.io/claim-uid': oldClaim.metadata.uid, 'podeip.io/namespace': NAMESPACE, 'podeip.io/name': 'rv-nb-0' };
    const provider = await world().directProvider();
    const { addressId: oldAddress } = await provider.allocate({ clientToken: oldClaim.metadata.uid, tags, allocation: request.allocation });
    provider.close();
    await world().custom.patchNamespacedCustomObjectStatus(
      { ...CLAIMS, name: 'rv-nb-0', body: { status: { addressId: oldAddress, ownership: 'Owned', phase: 'Allocated' } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await world().custom.deleteNamespacedCustomObject({ ...CLAIMS, name: 'rv-nb-0' });
    await world().startController();

    const bound = await eventually('a new claim bound to the successor pod', async () => {
      const current = await world().boundClaim('rv-nb-0', 1_000).catch(() => undefined);
      return current && current.claim.metadata.uid !== oldClaim.metadata.uid ? current : undefined;
    });
    expect(bound.claim.status!.podUID).toBe(successor.metadata!.uid);
    expect(bound.claim.status!.addressId).not.toBe(oldAddress);
    expect(world().address(oldAddress)).toBeUndefined();
  });
});
