import { NodeFullError, PodNetwork } from '../../../hack/network/pod-network.js';

describe('PodNetwork', () => {
  it('gives each node ENIs in its own /24 with the first primary IP as host IP', () => {
    const network = new PodNetwork({ enisPerNode: 2 });
    const a = network.addNode('node-a');
    const b = network.addNode('node-b');
    expect(a.interfaces.map((eni) => eni.privateIps[0]!.address)).toEqual(['10.0.0.10', '10.0.1.10']);
    expect(b.hostIp).toBe('10.0.2.10');
    expect(a.interfaces[0]!.networkInterfaceId).toMatch(/^eni-[a-z0-9]{8}$/);
    expect(network.addNode('node-a')).toBe(a);
  });

  it('uses Alibaba-style ids when asked', () => {
    const node = new PodNetwork({ idStyle: 'alibaba' }).addNode('n');
    expect(node.instanceId).toMatch(/^i-[a-z0-9]{20}$/);
    expect(node.interfaces[0]!.subnetId).toMatch(/^vsw-[a-z0-9]{20}$/);
  });

  it('assigns secondary IPs, finds their ENI, and does not hand a freed IP out at once', () => {
    const network = new PodNetwork({ podIpsPerEni: 3 });
    network.addNode('n');
    const first = network.assignPodIp('n');
    expect(first.privateIp).toBe('10.0.0.11');
    expect(network.interfaceOfIp('10.0.0.11')?.networkInterfaceId).toBe(first.networkInterfaceId);
    network.releasePodIp('10.0.0.11');
    expect(network.interfaceOfIp('10.0.0.11')).toBeUndefined();
    expect(network.assignPodIp('n').privateIp).toBe('10.0.0.12');
  });

  it('throws NodeFullError when every ENI is full', () => {
    const network = new PodNetwork({ podIpsPerEni: 1 });
    network.addNode('n');
    network.assignPodIp('n');
    expect(() => network.assignPodIp('n')).toThrow(NodeFullError);
  });
});
