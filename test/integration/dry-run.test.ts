/**
 * SPEC §12 `podeip run --dry-run`: observe only. A controller started in dry-run over a cluster that
 * has work for it — bound owned and static claims, a new pod asking for an address, a bound address
 * unbound out of band, an orphan past its grace period — reconciles, logs at info once each write it
 * would have made, and makes no cloud write and no Kubernetes write, not even the Lease though
 * leader election was asked for.
 */
import { pino } from 'pino';
import { CLUSTER_ID, CONTROLLER_NAMESPACE, CONTROLLER_USER, eventually, Harness } from './harness.js';
import { isWorkWrite } from './process-fixture.js';
import { TENCENT_ROW } from './provider-rows.js';

const row = TENCENT_ROW;
const MINUTE = 60_000;

let world: Harness;
beforeAll(async () => {
  world = await Harness.start(row);
});
afterAll(() => world?.close());

function cloudWrites(): number {
  return row.writeActions.reduce((sum, action) => sum + world.calls(action), 0);
}

test('reconciles and logs each write it would make once, writing nothing to the cloud or the cluster', async () => {
  const staticId = world.cloud.admin.createAddress({ name: 'static' }).addressId;
  await world.createPod('dr-owned', row.ownedRequest());
  await world.createPod('dr-static', row.staticRequest([staticId]));
  await world.createPod('dr-drifted', row.ownedRequest());
  const owned = (await world.boundClaim('dr-owned')).claim.status!.addressId!;
  await world.boundClaim('dr-static');
  const drifted = (await world.boundClaim('dr-drifted')).claim.status!.addressId!;
  await world.stopController();
  const provider = await world.directProvider();
  await provider.disassociate(drifted);
  provider.close();
  await eventually('dr-drifted unbound out of band', () => world.address(drifted)?.status === row.status.available);
  const orphan = world.cloud.admin.createAddress({ tags: { 'podeip.io/cluster': CLUSTER_ID, 'podeip.io/claim-uid': 'no-such-claim' } }).addressId;
  await world.createPod('dr-new', row.ownedRequest());
  const writesBefore = cloudWrites();
  world.apiServer.hooks.clearRequestLog();

  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
  await world.startController({ dryRun: true, logger, leaderElection: { namespace: CONTROLLER_NAMESPACE, name: 'podeip-leader' } });
  await world.controller!.syncCloud();
  world.clock.advance(11 * MINUTE);
  await world.controller!.syncCloud();
  const wouldLines = () => lines.filter((line) => line.msg.startsWith('dry-run: would ')).map((line) => line.msg);
  const expected = [
    'dry-run: would POST /apis/podeip.io/v1alpha1/namespaces/default/eipclaims',
    'dry-run: would PATCH /api/v1/namespaces/default/pods/dr-drifted/status',
    `dry-run: would cloud release ${orphan}`,
  ];
  await eventually('every would-be write logged', () => expected.every((message) => wouldLines().includes(message))).catch((error: Error) => {
    throw new Error(`${error.message}: ${JSON.stringify(wouldLines())}`);
  });
  // Another pass and the same reconciles again: nothing new is said.
  await world.controller!.syncCloud();
  expect(world.controller!.isLeader()).toBe(true);
  await world.stopController();

  expect(wouldLines().sort()).toEqual(expected.sort());
  for (const line of lines.filter((candidate) => candidate.msg.startsWith('dry-run: '))) expect(line.level).toBe(30);
  // A refused write was said once at info; the reconcile that wanted it failing is no warning.
  expect(lines.filter((line) => line.level >= 40 && line.msg === 'reconcile failed, will retry')).toEqual([]);
  expect(lines[0]?.msg).toBe('dry-run: observing only; no cloud or Kubernetes writes, no leader election');
  expect(cloudWrites()).toBe(writesBefore);
  expect(world.apiServer.hooks.requestLog().filter((entry) => entry.user === CONTROLLER_USER && (isWorkWrite(entry) || entry.resource === 'leases'))).toEqual([]);
  expect(await world.claim('dr-new')).toBeUndefined();
  expect(world.address(orphan)).toBeDefined();
  expect(world.address(drifted)?.status).toBe(row.status.available);
  expect(world.address(owned)?.status).toBe(row.status.bound);
  expect(world.address(staticId)?.status).toBe(row.status.bound);
});
