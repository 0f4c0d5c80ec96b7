/**
 * R3 for a pod whose IP no ENI holds (an overlay CNI, say; issue 14 item 4): the claim and the pod say
 * so, lookups of the IP are not repeated on every poll, and the owned address allocated early (R2) is
 * not billed idle for it longer than the orphan grace period, nor allocated again.
 */
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { DEFAULT_RETRY_POLICY } from '../../src/controller/retry-policy.js';
import { eventually, NAMESPACE, useHarness } from './harness.js';
import { reconciles } from './lifecycle-steps.js';
import { actionOf, PROVIDER_ROWS } from './provider-rows.js';

const MINUTE = 60_000;
/** No simulated kubelet runs this node: the test plays its part and gives the pod an IP outside the VPC's ENIs. */
const OVERLAY_NODE = 'overlay-node';
const OVERLAY_POD_IP = '100.64.7.9';
const NO_INTERFACE_QUIET_MS = DEFAULT_RETRY_POLICY.noInterfaceQuietMs;

describe.each(PROVIDER_ROWS)('R3 pod IP on no ENI ($name)', (row) => {
  const world = useHarness(row);

  test('the claim and the pod say why, lookups back off, and the early owned address is released after the grace period', async () => {
    await world().createPod('overlay', row.ownedRequest(), { nodeName: OVERLAY_NODE });
    const allocated = await eventually('allocated early (R2)', async () => (await world().claim('overlay'))?.status?.addressId);
    await world().core.patchNamespacedPodStatus(
      { namespace: NAMESPACE, name: 'overlay', body: { status: { phase: 'Running', podIP: OVERLAY_POD_IP, podIPs: [{ ip: OVERLAY_POD_IP }] } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await eventually('first lookup', () => world().calls('DescribeNetworkInterfaces') > 0);
    expect(world().calls(actionOf(row, 'associate'))).toBe(0);
    // The first 30 s are quiet: a pod IP can reach the cloud's ENI view a moment late.
    expect((await world().events('NoNetworkInterface', 'overlay')).length).toBe(0);
    world().clock.advance(NO_INTERFACE_QUIET_MS);
    const ready = await eventually('claim says NoNetworkInterface', async () => {
      const condition = (await world().claim('overlay'))?.status?.conditions?.find((entry) => entry.type === 'Ready');
      return condition?.reason === 'NoNetworkInterface' ? condition : undefined;
    });
    expect(ready.status).toBe('False');
    expect(ready.message).toContain(OVERLAY_POD_IP);
    const podCondition = (await world().pod('overlay'))!.status!.conditions!.find((entry) => entry.type === 'podeip.io/eip-bound');
    expect(podCondition).toMatchObject({ status: 'False', reason: 'NoNetworkInterface' });
    const warning = await eventually('Warning', async () => (await world().events('NoNetworkInterface', 'overlay'))[0]);
    expect(warning.type).toBe('Warning');

    // Many polls later (at most 200 ms apart here), the IP has been looked up once (the miss is remembered), and said once.
    const lookupsAfterFirst = world().calls('DescribeNetworkInterfaces');
    const reconciledBefore = await reconciles(world());
    await eventually('several polls', async () => (await reconciles(world())) >= reconciledBefore + 4);
    expect(world().calls('DescribeNetworkInterfaces')).toBe(lookupsAfterFirst);
    const said = await world().events('NoNetworkInterface', 'overlay');
    expect(said.map((event) => [event.involvedObject.kind, event.count]).sort()).toEqual([['EIPClaim', 1], ['Pod', 1]]);
    expect(world().address(allocated)).toBeDefined();

    world().clock.advance(10 * MINUTE - NO_INTERFACE_QUIET_MS);
    await eventually('owned address released after the grace period', () => world().address(allocated) === undefined);
    const claim = await eventually('claim without address', async () => {
      const current = await world().claim('overlay');
      return current?.status?.addressId === undefined ? current : undefined;
    });
    expect(claim.status!.phase).toBe('Pending');
    const reconciledAfterRelease = await reconciles(world());
    await eventually('still looked at', async () => (await reconciles(world())) >= reconciledAfterRelease + 4);
    expect(world().calls(actionOf(row, 'allocate'))).toBe(1);
  });
});
