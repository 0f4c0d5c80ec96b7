/**
 * Issue 9 item 2, Tencent emulator: states of the instance, the ENI and the address (set through the
 * admin API) answered with the codes AssociateAddress / DisassociateAddress document (TC-GO
 * vpc/v20170312 client.go lists, https://www.tencentcloud.com/document/api/215/16700 and 215/16703);
 * an address bound elsewhere gets the `InvalidParameterValue.*NotMatch` code naming what differs;
 * an ENI attached to no instance binds as `BIND_ENI`; `IsArrears` / `IsBlocked` and `AddressName: null`
 * as the `Address` model (TC-NODE vpc_models.ts) and reference platforms-pools-and-error-tables.md say.
 */
import { describe, expect, it } from '@jest/globals';
import { expectTencentError, unboundAddress, useTencentFixture } from './tencent-fixture.js';

describe('Tencent emulator: instance, ENI and address states (issue 9 item 2)', () => {
  const fixture = useTencentFixture({ rateLimits: false });
  const unbound = () => unboundAddress(fixture());

  const bind = (addressId: string, target: { networkInterfaceId: string; privateIp: string } = fixture().pod) =>
    fixture().client.AssociateAddress({ AddressId: addressId, NetworkInterfaceId: target.networkInterfaceId, PrivateIpAddress: target.privateIp });

  const described = async (addressId: string) => (await fixture().client.DescribeAddresses({ AddressIds: [addressId] })).AddressSet![0]!;

  it.each([
    ['instance', 'stopped', 'UnsupportedOperation.InstanceStateNotSupported'],
    ['instance', 'migrating', 'InvalidParameterValue.InvalidInstanceState'],
    ['eni', 'attaching', 'UnsupportedOperation.InstanceStateNotSupported'],
    ['address', 'arrears', 'OperationDenied.AddressInArrears'],
    ['address', 'blocked', 'InvalidAddressId.Blocked'],
  ] as const)('a %s %s refuses AssociateAddress with %s, and the address binds once the state clears', async (resource, state, code) => {
    const addressId = await unbound();
    const instanceId = fixture().network.interfaceById(fixture().pod.networkInterfaceId)!.instanceId;
    const resourceId = { instance: instanceId, eni: fixture().pod.networkInterfaceId, address: addressId }[resource];
    fixture().emulator.admin.setResourceState({ resourceId, state });
    await expectTencentError(bind(addressId), code);
    fixture().emulator.admin.setResourceState({ resourceId, state: null });
    await bind(addressId);
    fixture().finishTransitions();
    expect((await described(addressId)).AddressStatus).toBe('BIND');
  });

  it('shows arrears and blocking in IsArrears / IsBlocked and the is-arrears filter; a blocked address cannot be unbound', async () => {
    const inArrears = await unbound();
    const blocked = await unbound();
    await bind(blocked);
    fixture().finishTransitions();
    fixture().emulator.admin.setResourceState({ resourceId: inArrears, state: 'arrears' });
    fixture().emulator.admin.setResourceState({ resourceId: blocked, state: 'blocked' });
    expect(await described(inArrears)).toMatchObject({ IsArrears: true, IsBlocked: false });
    expect(await described(blocked)).toMatchObject({ IsArrears: false, IsBlocked: true });
    const filtered = await fixture().client.DescribeAddresses({ Filters: [{ Name: 'is-arrears', Values: ['TRUE'] }] });
    expect(filtered.AddressSet!.map((address) => address.AddressId)).toEqual([inArrears]);
    await expectTencentError(fixture().client.DisassociateAddress({ AddressId: blocked }), 'InvalidAddressId.Blocked');
  });

  it('refuses to bind an address bound elsewhere with the *NotMatch code naming what differs', async () => {
    const addressId = await unbound();
    await bind(addressId);
    fixture().finishTransitions();
    const eni = fixture().network.interfaceById(fixture().pod.networkInterfaceId)!;
    const primaryIp = eni.privateIps.find((ip) => ip.primary)!.address;
    await expectTencentError(bind(addressId, { networkInterfaceId: eni.networkInterfaceId, privateIp: primaryIp }), 'InvalidParameterValue.PrivateIpAddressNotMatch');
    fixture().network.addNode('node-b');
    const elsewhere = fixture().network.assignPodIp('node-b');
    await expectTencentError(bind(addressId, elsewhere), 'InvalidParameterValue.NetworkInterfaceIdNotMatch');
    const onInstance = await unbound();
    await fixture().client.AssociateAddress({ AddressId: onInstance, InstanceId: eni.instanceId });
    fixture().finishTransitions();
    await expectTencentError(bind(onInstance, elsewhere), 'InvalidParameterValue.NetworkInterfaceIdNotMatch');
    await expectTencentError(bind(addressId), 'UnsupportedOperation.AddressStatusNotPermit');
  });

  it('binds to an ENI attached to no instance as BIND_ENI, with no InstanceId', async () => {
    const addressId = await unbound();
    fixture().emulator.admin.setResourceState({ resourceId: fixture().pod.networkInterfaceId, state: 'detached' });
    await bind(addressId);
    fixture().finishTransitions();
    expect(await described(addressId)).toMatchObject({
      AddressStatus: 'BIND_ENI',
      InstanceId: null,
      InstanceType: 'ENI',
      NetworkInterfaceId: fixture().pod.networkInterfaceId,
      PrivateAddressIp: fixture().pod.privateIp,
    });
  });

  it('describes an address allocated without a name with AddressName null, a named one with its name', async () => {
    const unnamed = await unbound();
    const { AddressSet } = await fixture().client.AllocateAddresses({ AddressName: 'game-0' });
    expect((await described(unnamed)).AddressName).toBeNull();
    expect((await described(AddressSet![0]!)).AddressName).toBe('game-0');
    expect((await described(fixture().emulator.admin.createAddress({}).addressId)).AddressName).toBeNull();
  });
});
