import { PodNetwork } from '../../../hack/network/pod-network.js';
import { startCloudEmulator } from '../../../hack/cloud/index.js';
import type { CloudEmulator } from '../../../hack/cloud/common/index.js';

describe('startCloudEmulator', () => {
  const started: CloudEmulator[] = [];
  afterAll(() => Promise.all(started.map((emulator) => emulator.close())));

  it.each(['tencent', 'alibaba'] as const)('starts the %s emulator on loopback with the common admin API', async (provider) => {
    const network = new PodNetwork({ idStyle: provider, seed: 2 });
    network.addNode('node-a');
    const emulator = await startCloudEmulator(provider, { network, seed: 4 });
    started.push(emulator);
    expect(emulator.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.adminUrl).toBe(`${emulator.endpoint}/_admin`);
    const created = await fetch(`${emulator.adminUrl}/addresses`, {
      method: 'POST',
      body: JSON.stringify({ tags: { team: 'x' } }),
    });
    expect(created.status).toBe(201);
    const addresses = (await (await fetch(`${emulator.adminUrl}/addresses`)).json()) as { tags: object }[];
    expect(addresses.map((address) => address.tags)).toEqual([{ team: 'x' }]);
    const enis = (await (await fetch(`${emulator.adminUrl}/enis`)).json()) as { networkInterfaceId: string }[];
    expect(enis.map((eni) => eni.networkInterfaceId)).toEqual([network.interfaces()[0]!.networkInterfaceId]);
  });
});
