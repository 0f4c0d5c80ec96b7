import { toCloudAddress } from '../../../src/providers/tencent/address-mapping.js';

describe('Tencent Address → CloudAddress', () => {
  test.each([
    ['CREATING', 'Creating'],
    ['UNBIND', 'Available'],
    ['BINDING', 'Binding'],
    ['BIND', 'Bound'],
    ['BIND_ENI', 'Bound'],
    ['UNBINDING', 'Unbinding'],
    ['OFFLINING', 'Releasing'],
    ['SOMETHING_NEW', 'Unknown'],
  ])('%s → %s', (status, state) => {
    expect(toCloudAddress({ AddressId: 'eip-1', AddressStatus: status }).state).toBe(state);
  });

  test('an address bound to an ENI private IP has a target, tags become a map, raw status is kept', () => {
    expect(
      toCloudAddress({
        AddressId: 'eip-abc',
        AddressIp: '203.0.113.7',
        AddressStatus: 'BIND',
        InstanceId: 'ins-1',
        NetworkInterfaceId: 'eni-1',
        PrivateAddressIp: '10.0.0.11',
        TagSet: [{ Key: 'podeip.io/cluster', Value: 'c1' }],
      }),
    ).toEqual({
      id: 'eip-abc',
      publicIp: '203.0.113.7',
      state: 'Bound',
      rawStatus: 'BIND',
      target: { networkInterfaceId: 'eni-1', privateIp: '10.0.0.11' },
      tags: { 'podeip.io/cluster': 'c1' },
    });
  });

  test('an address bound to an instance only is bound to something else', () => {
    const address = toCloudAddress({ AddressId: 'eip-x', AddressStatus: 'BIND', InstanceId: 'ins-9', NetworkInterfaceId: null, PrivateAddressIp: null, TagSet: null });
    expect(address).toEqual({ id: 'eip-x', publicIp: '', state: 'Bound', rawStatus: 'BIND', boundToOther: 'ins-9', tags: {} });
  });
});
