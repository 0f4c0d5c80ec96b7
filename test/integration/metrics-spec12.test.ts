/**
 * The metrics of SPEC §12 with exact values in a small world: an owned and a static address bound, a
 * claim whose static address does not exist, an orphan released after its grace period, a quota of 7.
 */
import { readFileSync } from 'node:fs';
import { CLUSTER_ID, eventually, Harness } from './harness.js';
import { TENCENT_ROW } from './provider-rows.js';

const row = TENCENT_ROW;
const MINUTE = 60_000;
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

let world: Harness;
beforeAll(async () => {
  world = await Harness.start(row, { emulator: { quota: 7 } });
});
afterAll(() => world?.close());

async function scrape(): Promise<string> {
  return (await fetch(`${world.controller!.metricsUrl}/metrics`)).text();
}

function samples(body: string, name: string): string[] {
  return body.split('\n').filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`));
}

test('build info, claims not ready by reason, addresses by ownership, quota, repairs and the last cloud sync', async () => {
  const staticId = world.cloud.admin.createAddress({ name: 'static' }).addressId;
  await world.createPod('m-owned', row.ownedRequest());
  await world.createPod('m-static', row.staticRequest([staticId]));
  await world.createPod('m-missing', row.staticRequest(['eip-00000000']));
  await world.boundClaim('m-owned');
  await world.boundClaim('m-static');
  const missingReason = await eventually('m-missing not ready', async () => {
    const ready = (await world.claim('m-missing'))?.status?.conditions?.find((condition) => condition.type === 'Ready');
    return ready?.status === 'False' && ready.reason;
  });
  const orphan = world.cloud.admin.createAddress({ tags: { 'podeip.io/cluster': CLUSTER_ID, 'podeip.io/claim-uid': 'no-such-claim' } }).addressId;
  await world.controller!.syncCloud();
  world.clock.advance(11 * MINUTE);
  await world.controller!.syncCloud();
  await eventually('orphan released', () => world.address(orphan) === undefined);
  await world.controller!.syncCloud();

  const body = await scrape();
  expect(samples(body, 'podeip_build_info')).toEqual([`podeip_build_info{version="${version}"} 1`]);
  expect(samples(body, 'podeip_claims_not_ready')).toEqual([`podeip_claims_not_ready{reason="${missingReason}"} 1`]);
  expect(samples(body, 'podeip_addresses')).toEqual(['podeip_addresses{ownership="owned"} 1', 'podeip_addresses{ownership="static"} 1']);
  expect(samples(body, 'podeip_address_quota')).toEqual(['podeip_address_quota{provider="tencent"} 7']);
  expect(samples(body, 'podeip_repairs_total')).toEqual(['podeip_repairs_total{kind="rebind"} 0', 'podeip_repairs_total{kind="replaced"} 0', 'podeip_repairs_total{kind="orphan"} 1']);
  expect(samples(body, 'podeip_cloud_sync_last_success_timestamp_seconds')).toEqual([`podeip_cloud_sync_last_success_timestamp_seconds ${world.clock.now().getTime() / 1000}`]);
});

test('a failed cloud sync pass leaves the last success time as it was', async () => {
  const before = samples(await scrape(), 'podeip_cloud_sync_last_success_timestamp_seconds');
  world.cloud.admin.setFault({ action: 'DescribeAddresses', errorCode: 'UnauthorizedOperation' });
  world.clock.advance(MINUTE);
  await world.controller!.syncCloud();
  world.cloud.admin.clearFaults();
  expect(samples(await scrape(), 'podeip_cloud_sync_last_success_timestamp_seconds')).toEqual(before);
});
