/** Issue 10 item 2: emulators that scale — public IP ranges for 50,000 addresses, large states seeded in one admin call, production-like async delays. */
import { PUBLIC_IP_CAPACITY, PublicIpPool, PublicIpPoolExhaustedError } from '../../../hack/cloud/common/index.js';
import { SeededRandom } from '../../../hack/network/seeded-random.js';
import { PodNetwork } from '../../../hack/network/pod-network.js';
import { startTencentFixture, type TencentFixture } from '../tencent/tencent-fixture.js';

const DOCUMENTATION = /^(203\.0\.113|198\.51\.100)\.(\d+)$/;
const BENCHMARKING = /^198\.(18|19)\.(\d+)\.(\d+)$/;

describe('public IP ranges large enough for 50,000 addresses', () => {
  it('hands out 50,000 unique addresses: the documentation ranges first, then 198.18.0.0/15', () => {
    const pool = new PublicIpPool(new SeededRandom(4));
    const addresses = Array.from({ length: 50_000 }, () => pool.take());
    expect(new Set(addresses).size).toBe(50_000);
    expect(addresses.slice(0, 508).every((ip) => DOCUMENTATION.test(ip))).toBe(true);
    expect(addresses.slice(508).every((ip) => BENCHMARKING.test(ip))).toBe(true);
    expect(addresses.every((ip) => Number(ip.split('.')[3]) >= 1 && Number(ip.split('.')[3]) <= 254)).toBe(true);
  });

  it('is exhausted only when every host of every range is used, and a released one is handed out again', () => {
    expect(PUBLIC_IP_CAPACITY).toBe(514 * 254);
    const pool = new PublicIpPool(new SeededRandom(5));
    const prefixes = ['203.0.113', '198.51.100', ...Array.from({ length: 512 }, (_, index) => `198.${18 + Math.floor(index / 256)}.${index % 256}`)];
    for (const prefix of prefixes) for (let host = 1; host <= 254; host++) expect(pool.claim(`${prefix}.${host}`)).toBe(true);
    expect(() => pool.take()).toThrow(PublicIpPoolExhaustedError);
    pool.release('198.19.255.254');
    expect(pool.take()).toBe('198.19.255.254');
  });
});

describe('a Tencent emulator holding 1,000 and 10,000 addresses', () => {
  let fixture: TencentFixture;

  beforeAll(async () => {
    fixture = await startTencentFixture({ rateLimits: false, seed: 8, quota: 20_000, dailyAllocateLimit: false });
  });
  beforeEach(() => fixture.emulator.admin.reset());
  afterAll(() => fixture.close());

  it('allocates 1,000 addresses through the API, each with its own public IP', async () => {
    for (let batch = 0; batch < 10; batch++) await fixture.client.AllocateAddresses({ AddressCount: 100 });
    fixture.finishTransitions();
    const { TotalCount } = await fixture.client.DescribeAddresses({ Limit: 1 });
    expect(TotalCount).toBe(1_000);
    expect(new Set(fixture.emulator.admin.addresses().map((address) => address.publicIp)).size).toBe(1_000);
  });

  it('seeds 10,000 bound addresses in one POST /_admin/addresses, which the API then lists as bound', async () => {
    const network = fixture.network;
    const targets = podIps(network, 10_000);
    const body = targets.map((target, index) => ({ ...target, tags: { 'podeip.io/name': `pod-${index}` } }));
    const response = await fetch(`${fixture.emulator.adminUrl}/addresses`, { method: 'POST', body: JSON.stringify(body) });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { addressId: string; privateIp: string; status: string; tags: Record<string, string> }[];
    expect(created).toHaveLength(10_000);
    expect(created[9_999]).toMatchObject({ privateIp: targets[9_999]!.privateIp, status: 'BIND', tags: { 'podeip.io/name': 'pod-9999' } });
    const { TotalCount } = await fixture.client.DescribeAddresses({ Filters: [{ Name: 'address-status', Values: ['BIND'] }], Limit: 1 });
    expect(TotalCount).toBe(10_000);
  });

  it('answers 400 naming the bad entry of a batch, keeping the ones before it', async () => {
    const [first] = podIps(fixture.network, 1);
    const response = await fetch(`${fixture.emulator.adminUrl}/addresses`, {
      method: 'POST',
      body: JSON.stringify([{ ...first }, { networkInterfaceId: first!.networkInterfaceId }]),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'address 1: networkInterfaceId and privateIp go together' });
    expect(fixture.emulator.admin.addresses().map((address) => address.privateIp)).toEqual([first!.privateIp]);
  });
});

describe('production-like asynchronous steps, set over the admin API', () => {
  let fixture: TencentFixture;

  beforeAll(async () => {
    fixture = await startTencentFixture({ rateLimits: false, seed: 9 });
  });
  afterAll(() => fixture.close());

  async function statusAfter(addressId: string, ms: number): Promise<string> {
    fixture.clock.advance(ms);
    const { AddressSet } = await fixture.client.DescribeAddresses({ AddressIds: [addressId] });
    return AddressSet![0]!.AddressStatus!;
  }

  it('makes every step take a seeded 1–3 s instead of the provider\'s own delay, until deleted', async () => {
    const post = await fetch(`${fixture.emulator.adminUrl}/async-steps`, { method: 'POST', body: JSON.stringify({ minMs: 1_000, maxMs: 3_000 }) });
    expect(post.status).toBe(204);
    const [addressId] = (await fixture.client.AllocateAddresses({})).AddressSet!;
    expect(await statusAfter(addressId!, 999)).toBe('CREATING');
    expect(await statusAfter(addressId!, 2_001)).toBe('UNBIND');
    const [step] = (await (await fetch(`${fixture.emulator.adminUrl}/async-steps`)).json()) as { startedAtMs: number; doneAtMs: number }[];
    expect(step!.doneAtMs - step!.startedAtMs).toBeGreaterThanOrEqual(1_000);
    expect(step!.doneAtMs - step!.startedAtMs).toBeLessThanOrEqual(3_000);
    expect((await fetch(`${fixture.emulator.adminUrl}/async-steps`, { method: 'DELETE' })).status).toBe(204);
    const [quick] = (await fixture.client.AllocateAddresses({})).AddressSet!;
    expect(await statusAfter(quick!, 5)).toBe('UNBIND');
  });

  it('refuses a range that is not one', async () => {
    const response = await fetch(`${fixture.emulator.adminUrl}/async-steps`, { method: 'POST', body: JSON.stringify({ minMs: 3_000, maxMs: 1_000 }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'minMs and maxMs must be whole numbers with 0 <= minMs <= maxMs' });
  });
});

/** Fresh pod IPs on new nodes of the emulator's VPC model. */
function podIps(network: PodNetwork, count: number): { networkInterfaceId: string; privateIp: string }[] {
  const firstNode = network.nodes().length;
  return Array.from({ length: count }, (_, index) => {
    const nodeName = `seed-node-${firstNode + Math.floor(index / 200)}`;
    network.addNode(nodeName);
    const { networkInterfaceId, privateIp } = network.assignPodIp(nodeName);
    return { networkInterfaceId, privateIp };
  });
}
