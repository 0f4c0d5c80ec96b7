import { toCloudAddress } from '../../../src/providers/alibaba/address-mapping.js';

describe('Alibaba EipAddress → CloudAddress', () => {
  const base = { allocationId: 'eip-1', ipAddress: '203.0.113.7', tags: { tag: [{ key: 'podeip.io/cluster', value: 'c1' }] } };

  test.each([
    ['Available', 'Available'],
    ['Associating', 'Binding'],
    ['InUse', 'Bound'],
    ['Unassociating', 'Unbinding'],
    ['Releasing', 'Releasing'],
    ['Frozen', 'Unknown'],
  ])('status %s is %s', (status, state) => {
    expect(toCloudAddress({ ...base, status })).toEqual({ id: 'eip-1', publicIp: '203.0.113.7', state, rawStatus: status, tags: { 'podeip.io/cluster': 'c1' } });
  });

  test('bound to an ENI private IP: a target', () => {
    const address = toCloudAddress({ ...base, status: 'InUse', instanceType: 'NetworkInterface', instanceId: 'eni-1', privateIpAddress: '10.0.0.5' });
    expect([address.target, address.boundToOther]).toEqual([{ networkInterfaceId: 'eni-1', privateIp: '10.0.0.5' }, undefined]);
  });

  test.each([
    ['an ECS instance', { instanceType: 'EcsInstance', instanceId: 'i-1' }, 'i-1'],
    ['an ENI without a private IP (its primary IP, not named)', { instanceType: 'NetworkInterface', instanceId: 'eni-2', privateIpAddress: '' }, 'eni-2'],
    ['a NAT gateway', { instanceType: 'Nat', instanceId: 'ngw-1' }, 'ngw-1'],
  ])('bound to %s: bound to other', (_name, binding, other) => {
    const address = toCloudAddress({ ...base, status: 'InUse', ...binding });
    expect([address.target, address.boundToOther]).toEqual([undefined, other]);
  });

  test('bound to an ENI\'s primary IP (no private IP in the reply): a target on that IP once the ENI\'s primary IP is known', () => {
    const eip = { ...base, status: 'InUse', instanceType: 'NetworkInterface', instanceId: 'eni-2', privateIpAddress: '' };
    const primaryIps: Record<string, string> = { 'eni-2': '10.0.0.10' };
    const address = toCloudAddress(eip, (networkInterfaceId) => primaryIps[networkInterfaceId]);
    expect([address.target, address.boundToOther]).toEqual([{ networkInterfaceId: 'eni-2', privateIp: '10.0.0.10' }, undefined]);
  });

  test('in a common bandwidth package: its id', () => {
    expect(toCloudAddress({ ...base, status: 'Available', bandwidthPackageId: 'cbwp-1' }).bandwidthPackageId).toBe('cbwp-1');
    expect(toCloudAddress({ ...base, status: 'Available', bandwidthPackageId: '' })).not.toHaveProperty('bandwidthPackageId');
  });

  test('a reply with nothing filled in', () => {
    expect(toCloudAddress({})).toEqual({ id: '', publicIp: '', state: 'Unknown', rawStatus: '', tags: {} });
  });
});
