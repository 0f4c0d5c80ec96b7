import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CloudEmulator } from '../../../hack/cloud/common/index.js';
import { DEFAULT_TENCENT_CREDENTIALS, startTencentEmulator } from '../../../hack/cloud/tencent/index.js';
import { PodNetwork, type NetworkInterfaceRecord } from '../../../hack/network/pod-network.js';
import { TencentProvider } from '../../../src/providers/tencent/tencent-provider.js';

const FAST = { perSecond: {}, defaultPerSecond: 1000 };

/**
 * Pod IP → ENI lookups must find the ENI of the cluster's VPC holding exactly that IP. VPCs may use
 * overlapping CIDRs, so another VPC can hold the very same IP; and a single `address-ip` value is a
 * suffix match on Tencent, so 10.0.1.11 also matches 110.0.1.11 (the network model's 10.0.x.y layout
 * never makes such a pair by itself: the test adds the addresses by hand).
 */
describe('TencentProvider resolves a pod IP to the right ENI', () => {
  const network = new PodNetwork({ seed: 11 });
  const foreign = network.addNode('foreign-vpc-node').interfaces[0]!;
  const suffixTwin = network.addNode('suffix-node').interfaces[0]!;
  const ours = network.addNode('node-a');
  const pod = network.assignPodIp('node-a');
  let emulator: CloudEmulator;

  beforeAll(async () => {
    Object.assign(process.env, {
      TENCENTCLOUD_SECRET_ID: DEFAULT_TENCENT_CREDENTIALS[0]!.secretId,
      TENCENTCLOUD_SECRET_KEY: DEFAULT_TENCENT_CREDENTIALS[0]!.secretKey,
    });
    foreign.vpcId = 'vpc-foreign1';
    holdIp(foreign, pod.privateIp);
    holdIp(suffixTwin, `1${pod.privateIp}`);
    emulator = await startTencentEmulator({ network, rateLimits: false });
  });
  afterAll(() => emulator.close());

  function provider(vpcId?: string): TencentProvider {
    return new TencentProvider({ region: 'ap-guangzhou', endpoint: emulator.endpoint, rateLimits: FAST, ...(vpcId ? { vpcId } : {}) });
  }

  it('with the cluster VPC known, picks that VPC\'s ENI although another VPC holds the same IP', async () => {
    const lookup = provider(network.vpcId);
    try {
      expect(pod.privateIp).toBe('10.0.2.11');
      expect(await lookup.resolveTarget(pod.privateIp)).toEqual({ networkInterfaceId: ours.interfaces[0]!.networkInterfaceId, privateIp: pod.privateIp });
    } finally {
      lookup.close();
    }
  });

  it('never takes an ENI whose IP only ends with the pod IP', async () => {
    const lookup = provider(network.vpcId);
    try {
      expect(await lookup.resolveTarget(`1${pod.privateIp}`)).toEqual({ networkInterfaceId: suffixTwin.networkInterfaceId, privateIp: `1${pod.privateIp}` });
      expect(await lookup.resolveTarget('0.2.11')).toBeUndefined();
    } finally {
      lookup.close();
    }
  });
});

function holdIp(eni: NetworkInterfaceRecord, address: string): void {
  eni.privateIps.push({ address, primary: false });
}
