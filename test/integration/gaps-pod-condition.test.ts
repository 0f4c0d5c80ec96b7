import type { V1Pod } from '@kubernetes/client-node';
import type { AddressTarget } from '../../src/providers/provider.js';
import { eventually, useHarness } from './harness.js';
import { actionOf, PROVIDER_ROWS, type ProviderRow } from './provider-rows.js';

const GATE = 'podeip.io/eip-bound';

function condition(pod: V1Pod | undefined, type: string) {
  return pod?.status?.conditions?.find((candidate) => candidate.type === type);
}

/** Every condition podeip writes on this row's pods. */
function gatesOf(row: ProviderRow): string[] {
  return row.name === 'alibaba' ? [GATE, 'k8s.aliyun.com/eip'] : [GATE];
}

/** Pod condition times are metav1.Time, which kube-apiserver keeps at second precision. */
function atSecondPrecision(time: Date): Date {
  return new Date(Math.floor(time.getTime() / 1000) * 1000);
}

function outputsOf(pod: V1Pod | undefined, row: ProviderRow): (string | undefined)[] {
  const annotations = pod?.metadata?.annotations ?? {};
  return [annotations['podeip.io/public-ip'], annotations['podeip.io/address-id'], annotations[row.publicIpAnnotation]];
}

describe.each(PROVIDER_ROWS)('the pod condition follows whether the EIP works ($name)', (row) => {
  const world = useHarness(row, { controller: { cloudSyncIntervalMs: 100 } });
  afterEach(() => world().cloud.admin.clearFaults());

  async function gatedPod(name: string, nodeName?: string): Promise<void> {
    await world().createPod(name, row.ownedRequest({ keep: true }), { readinessGates: gatesOf(row), ...(nodeName ? { nodeName } : {}) });
  }

  /** The pod once every podeip condition has the status; with the reason when given. */
  function podWith(name: string, status: 'True' | 'False', reason?: string): Promise<V1Pod> {
    return eventually(`${name}: ${gatesOf(row).join(', ')} ${status}`, async () => {
      const pod = await world().pod(name);
      const all = gatesOf(row).map((type) => condition(pod, type));
      return all.every((found) => found?.status === status && (!reason || found.reason === reason)) ? pod : undefined;
    });
  }

  async function deleteBehindPodeip(addressId: string, target: AddressTarget): Promise<void> {
    const provider = await world().directProvider();
    try {
      await provider.disassociate(addressId, target);
      await eventually('unbound', () => world().address(addressId)?.status === row.status.available);
      await provider.release(addressId);
    } finally {
      provider.close();
    }
    await eventually('released', () => world().address(addressId) === undefined);
  }

  test('an address unbound behind podeip\'s back: False (AddressUnbound) and the pod not Ready until re-bound, then True again', async () => {
    await gatedPod('gap-drift');
    const { claim } = await world().boundClaim('gap-drift');
    const bound = await podWith('gap-drift', 'True');
    const addressId = claim.status!.addressId!;
    world().clock.advance(60_000);
    world().cloud.admin.setFault({ action: actionOf(row, 'associate'), hang: true });
    const provider = await world().directProvider();
    await provider.disassociate(addressId, { networkInterfaceId: claim.status!.networkInterfaceId!, privateIp: claim.status!.privateIP! });
    provider.close();
    await world().cloud.admin.untilHanging(1);

    const unbound = await podWith('gap-drift', 'False', 'AddressUnbound');
    const message = `address ${addressId} is not bound; binding it to ${bound.status!.podIP} again`;
    expect(condition(unbound, GATE)).toMatchObject({ message, lastTransitionTime: atSecondPrecision(world().clock.now()) });
    expect(condition(unbound, 'Ready')!.status).toBe('False');
    expect(outputsOf(unbound, row)).toEqual([claim.status!.publicIP, addressId, claim.status!.publicIP]);
    const waiting = (await world().claim('gap-drift'))!;
    expect(waiting.status!.phase).toBe('Allocated');
    expect(waiting.status!.conditions!.find((found) => found.type === 'Ready')).toMatchObject({ status: 'False', reason: 'AddressUnbound', message });

    world().clock.advance(60_000);
    world().cloud.admin.clearFaults();
    const again = await podWith('gap-drift', 'True', 'EIPBound');
    expect(condition(again, GATE)!.lastTransitionTime).toEqual(atSecondPrecision(world().clock.now()));
    await eventually('pod Ready', async () => condition(await world().pod('gap-drift'), 'Ready')?.status === 'True');
    expect((await world().boundClaim('gap-drift')).claim.status!.addressId).toBe(addressId);
  });

  test('a pod re-created on another node: False (Rebinding) while the address moves, True once bound to the new IP', async () => {
    await gatedPod('gap-move', 'node-1');
    const first = await world().boundClaim('gap-move');
    const addressId = first.claim.status!.addressId!;
    await world().stopController();
    await world().deletePod('gap-move');
    await eventually('old pod gone', async () => (await world().pod('gap-move')) === undefined);
    await gatedPod('gap-move', 'node-2');
    const newIp = await eventually('new pod IP', async () => (await world().pod('gap-move'))?.status?.podIP);
    world().cloud.admin.setFault({ action: actionOf(row, 'associate'), hang: true });
    await world().startController();
    await world().cloud.admin.untilHanging(1);

    const moving = await podWith('gap-move', 'False', 'Rebinding');
    expect(condition(moving, GATE)!.message).toBe(`address ${addressId} is moving from ${first.pod.status!.podIP} to ${newIp}`);
    expect(condition(moving, 'Ready')!.status).toBe('False');

    world().cloud.admin.clearFaults();
    const moved = await eventually('bound to the new IP', async () => {
      const bound = await world().boundClaim('gap-move');
      return bound.claim.status!.privateIP === newIp ? bound : undefined;
    });
    expect(moved.claim.status!.addressId).toBe(addressId);
    await podWith('gap-move', 'True', 'EIPBound');
  });

  test('an owned address deleted out of band: outputs naming it removed and False (AddressLost) until the replacement is bound', async () => {
    await gatedPod('gap-lost');
    const first = await world().boundClaim('gap-lost');
    await podWith('gap-lost', 'True');
    const lostId = first.claim.status!.addressId!;
    await world().stopController();
    await deleteBehindPodeip(lostId, { networkInterfaceId: first.claim.status!.networkInterfaceId!, privateIp: first.claim.status!.privateIP! });
    world().cloud.admin.setFault({ action: actionOf(row, 'allocate'), hang: true });
    await world().startController();
    await world().cloud.admin.untilHanging(1);

    const lost = await podWith('gap-lost', 'False', 'AddressLost');
    expect(condition(lost, GATE)!.message).toBe(`address ${lostId} no longer exists`);
    expect(outputsOf(lost, row)).toEqual([undefined, undefined, undefined]);

    world().cloud.admin.clearFaults();
    const second = await eventually('replacement bound', async () => {
      const bound = await world().boundClaim('gap-lost');
      return bound.claim.status!.addressId !== lostId ? bound : undefined;
    });
    const replaced = await podWith('gap-lost', 'True', 'EIPBound');
    expect(outputsOf(replaced, row)).toEqual([second.claim.status!.publicIP, second.claim.status!.addressId, second.claim.status!.publicIP]);
  });

  test('a static address taken to another target behind podeip\'s back: False (AddressInUse), no takeover', async () => {
    const { addressId } = world().cloud.admin.createAddress({ tags: {} });
    await world().createPod('gap-static', row.staticRequest([addressId]), { readinessGates: gatesOf(row) });
    const { claim } = await world().boundClaim('gap-static');
    await podWith('gap-static', 'True');
    const elsewhere = world().network.nodes()[0]!.interfaces[0]!;
    const hostIp = elsewhere.privateIps.find((ip) => ip.primary)!.address;
    await world().stopController();
    const provider = await world().directProvider();
    try {
      await provider.disassociate(addressId, { networkInterfaceId: claim.status!.networkInterfaceId!, privateIp: claim.status!.privateIP! });
      await eventually('unbound', () => world().address(addressId)?.status === row.status.available);
      await provider.associate(addressId, { networkInterfaceId: elsewhere.networkInterfaceId, privateIp: hostIp });
    } finally {
      provider.close();
    }
    await world().startController();

    const refused = await podWith('gap-static', 'False', 'AddressInUse');
    expect(condition(refused, GATE)!.message).toBe(
      `static address ${addressId} is bound to ${elsewhere.networkInterfaceId}/${hostIp}, which podeip did not bind; not taking it over`,
    );
    expect(world().address(addressId)).toMatchObject({ privateIp: hostIp, networkInterfaceId: elsewhere.networkInterfaceId });
  });
});
