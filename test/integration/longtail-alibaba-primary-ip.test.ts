/**
 * Issue 9 item 2, Alibaba pods on an ENI's PRIMARY IP (Terway ENI-exclusive mode: the pod owns the
 * ENI). DescribeEipAddresses describes an EIP bound there with `PrivateIpAddress: ""` (Terway v1.6.4;
 * reference platforms-pools-and-error-tables.md "Long-tail error codes"), so podeip learns the ENI's
 * primary IP from ECS DescribeNetworkInterfaces to see that the binding is the pod's. The claim binds,
 * stays Bound across cloud syncs, and the address is associated once (no re-association loop).
 */
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { ALIBABA_ROW } from '../providers/alibaba/alibaba-row.js';
import { eventually, NAMESPACE, useHarness } from './harness.js';

/** No simulated kubelet runs this node: the test plays Terway's part and gives the pod its ENI's primary IP. */
const EXCLUSIVE_NODE = 'eni-exclusive-node';
const SYNC_MS = 100;

describe('long tail: an Alibaba pod on its ENI\'s primary IP (Terway ENI-exclusive mode)', () => {
  const world = useHarness(ALIBABA_ROW, { controller: { cloudSyncIntervalMs: SYNC_MS } });

  test('binds, stays Bound across cloud syncs, and is associated once', async () => {
    const eni = world().network.addNode(EXCLUSIVE_NODE).interfaces[0]!;
    const primaryIp = eni.privateIps.find((ip) => ip.primary)!.address;
    await world().createPod('exclusive', ALIBABA_ROW.ownedRequest(), { nodeName: EXCLUSIVE_NODE });
    await world().core.patchNamespacedPodStatus(
      { namespace: NAMESPACE, name: 'exclusive', body: { status: { phase: 'Running', podIP: primaryIp, podIPs: [{ ip: primaryIp }] } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const { claim } = await world().boundClaim('exclusive');
    expect(claim.status).toMatchObject({ privateIP: primaryIp, networkInterfaceId: eni.networkInterfaceId });
    expect(world().address(claim.status!.addressId!)).toMatchObject({ status: 'InUse', networkInterfaceId: eni.networkInterfaceId, privateIp: primaryIp });

    const describes = world().calls('DescribeEipAddresses');
    await eventually('five cloud syncs', () => world().calls('DescribeEipAddresses') >= describes + 5);
    const after = await world().claim('exclusive');
    expect(after!.status).toMatchObject({ phase: 'Bound', addressId: claim.status!.addressId, privateIP: primaryIp });
    expect(world().calls('AssociateEipAddress')).toBe(1);
    expect(world().calls('UnassociateEipAddress')).toBe(0);
    expect(await world().events('AddressLost', 'exclusive')).toEqual([]);
    // Finding the pod's ENI, then learning its primary IP once: the describe replies do not name it.
    expect(world().calls('DescribeNetworkInterfaces')).toBe(2);
  });
});
