/**
 * Issue 9 "Why", end to end: a pod IP that moved to another ENI while podeip still has the old
 * IP → ENI mapping cached (5 min). Associating with the old ENI is refused by the emulator as the
 * cloud refuses it (Alibaba `InvalidPrivateIpAddress.NotFound`, Tencent
 * `InvalidNetworkInterfaceId.NotFound`: the ENI does not hold the IP), podeip forgets the mapping
 * (`alibabaCodeMeansTargetGone` / `tencentCodeMeansTargetChanged`), looks the IP up again and binds
 * to the new ENI at once, without waiting out the cache.
 */
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { eventually, NAMESPACE, useHarness } from './harness.js';
import { actionOf, PROVIDER_ROWS, type ProviderRow } from './provider-rows.js';

/** No simulated kubelet runs these nodes: the test plays the CNI and moves the pod's IP between their ENIs. */
const FIRST_NODE = 'manual-a';
const SECOND_NODE = 'manual-b';
const IP_NOT_ON_ENI: Record<ProviderRow['name'], string> = {
  alibaba: 'InvalidPrivateIpAddress.NotFound',
  tencent: 'InvalidNetworkInterfaceId.NotFound',
};

describe.each(PROVIDER_ROWS)('long tail: a pod IP moved to another ENI ($name)', (row) => {
  const world = useHarness(row);
  const associate = actionOf(row, 'associate');

  async function runPod(nodeName: string, podIp: string): Promise<void> {
    await world().createPod('mover', row.ownedRequest({ keep: true }), { nodeName });
    await world().core.patchNamespacedPodStatus(
      { namespace: NAMESPACE, name: 'mover', body: { status: { phase: 'Running', podIP: podIp, podIPs: [{ ip: podIp }] } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
  }

  test('the refused bind to the old ENI clears the cached mapping and the address binds on the new ENI', async () => {
    const network = world().network;
    const oldEni = network.addNode(FIRST_NODE).interfaces[0]!;
    const newEni = network.addNode(SECOND_NODE).interfaces[0]!;
    const { privateIp } = network.assignPodIp(FIRST_NODE);
    await runPod(FIRST_NODE, privateIp);
    const { claim } = await world().boundClaim('mover');
    expect(claim.status!.networkInterfaceId).toBe(oldEni.networkInterfaceId);

    await world().core.deleteNamespacedPod({ namespace: NAMESPACE, name: 'mover', gracePeriodSeconds: 0 });
    await eventually('claim Retained', async () => (await world().claim('mover'))?.status?.phase === 'Retained');
    network.releasePodIp(privateIp);
    newEni.privateIps.push({ address: privateIp, primary: false });
    const lookups = world().calls('DescribeNetworkInterfaces');

    await runPod(SECOND_NODE, privateIp);
    const { claim: moved } = await world().boundClaim('mover');
    expect(moved.status).toMatchObject({ addressId: claim.status!.addressId, privateIP: privateIp, networkInterfaceId: newEni.networkInterfaceId });
    expect(world().address(claim.status!.addressId!)).toMatchObject({ networkInterfaceId: newEni.networkInterfaceId, privateIp });
    expect(world().cloud.admin.calls()[associate]).toEqual({ OK: 2, [IP_NOT_ON_ENI[row.name]]: 1 });
    expect(world().calls('DescribeNetworkInterfaces')).toBe(lookups + 1);
  });
});
