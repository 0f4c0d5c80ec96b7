/**
 * SPEC §12 `podeip teardown`, run as a process (bin/podeip, the built dist/) against the emulator and
 * the local API server, after the controller has stopped: a cluster with an owned, a static, a
 * retained (policy Never, pod gone) and a pooled claim, and the pool's warm spare. The dry run lists
 * the plan and writes nothing anywhere; the real run leaves no owned or pool address, every static one
 * present and unbound, and no finalizer on claims or the pool.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { FINALIZER } from '../../src/k8s/eipclaim.js';
import { POOL_FINALIZER, POOL_TAG } from '../../src/k8s/eippool.js';
import { CLAIM_UID_TAG, CLUSTER_TAG } from '../../src/lifecycle/address-book.js';
import { CLUSTER_ID, CONTROLLER_USER, eventually, Harness } from './harness.js';
import { isWorkWrite } from './process-fixture.js';
import { TENCENT_ROW } from './provider-rows.js';

const run = promisify(execFile);
const row = TENCENT_ROW;

let world: Harness;
let owned: string;
let retained: string;
let staticId: string;
let pooled: string;
let spare: string;

beforeAll(async () => {
  world = await Harness.start(row);
  staticId = world.cloud.admin.createAddress({ name: 'static' }).addressId;
  await world.createPod('td-owned', row.ownedRequest());
  await world.createPod('td-static', row.staticRequest([staticId]));
  await world.createPod('td-kept', row.ownedRequest({ keep: true }));
  await world.createPool('td-pool', { allocation: { minAvailable: 1, maxSize: 2 } });
  await world.createPod('td-pooled', { [POOL_TAG]: 'td-pool' });
  pooled = (await world.boundClaim('td-pooled')).claim.status!.addressId!;
  await eventually('td-pool has its spare again', async () => (await world.pool('td-pool'))?.status?.available === 1);
  spare = ownedAddresses().find((address) => address.tags[POOL_TAG] === 'td-pool' && address.addressId !== pooled)!.addressId;
  owned = (await world.boundClaim('td-owned')).claim.status!.addressId!;
  await world.boundClaim('td-static');
  retained = (await world.boundClaim('td-kept')).claim.status!.addressId!;
  await world.deletePod('td-kept');
  await eventually('td-kept retained', async () => (await world.claim('td-kept'))?.status?.phase === 'Retained');
  await world.stopController();
});
afterAll(() => world?.close());

function teardown(...extra: string[]) {
  const args = ['teardown', `--provider=${row.name}`, `--region=${row.region}`, `--cluster-id=${CLUSTER_ID}`, `--kubeconfig=${world.controllerKubeconfigPath}`, `--cloud-endpoint=${world.cloud.endpoint}`, ...extra];
  return run('bin/podeip', args, { env: { ...process.env, ...row.credentialsEnv } });
}

function cloudWrites(): number {
  return row.writeActions.reduce((sum, action) => sum + world.calls(action), 0);
}

function ownedAddresses() {
  return world.cloud.admin.addresses().filter((address) => address.tags[CLUSTER_TAG] === CLUSTER_ID && (CLAIM_UID_TAG in address.tags || POOL_TAG in address.tags));
}

test('--dry-run lists the plan and makes no cloud and no Kubernetes write', async () => {
  const writesBefore = cloudWrites();
  world.apiServer.hooks.clearRequestLog();
  const { stdout } = await teardown('--dry-run');
  expect(cloudWrites()).toBe(writesBefore);
  expect(world.apiServer.hooks.requestLog().filter((entry) => entry.user === CONTROLLER_USER && isWorkWrite(entry))).toEqual([]);
  const plan = stdout.split('\n').filter((line) => line.startsWith('dry-run: '));
  expect(plan.sort()).toEqual(
    [
      `dry-run: would release ${owned} (unbinding it first) of EIPClaim default/td-owned`,
      `dry-run: would release ${retained} of EIPClaim default/td-kept`,
      `dry-run: would release ${pooled} (unbinding it first) of EIPClaim default/td-pooled`,
      `dry-run: would release ${spare}`,
      `dry-run: would remove finalizer ${FINALIZER} from EIPClaim default/td-pooled`,
      `dry-run: would remove finalizer ${POOL_FINALIZER} from EIPPool td-pool`,
      `dry-run: would unbind ${staticId} (unbinding it first) of EIPClaim default/td-static`,
      `dry-run: would remove finalizer ${FINALIZER} from EIPClaim default/td-kept`,
      `dry-run: would remove finalizer ${FINALIZER} from EIPClaim default/td-owned`,
      `dry-run: would remove finalizer ${FINALIZER} from EIPClaim default/td-static`,
    ].sort(),
  );
  expect(stdout).toMatch(/^ADDRESS +PUBLIC-IP +CLAIM +ACTION +RESULT$/m);
  expect(stdout).toContain('finalizers removed: 0');
  expect(ownedAddresses().map((address) => address.addressId).sort()).toEqual([owned, retained, pooled, spare].sort());
});

test('releases every owned and pool address, unbinds and keeps the static one, removes every finalizer', async () => {
  const { stdout, stderr } = await teardown();
  expect(ownedAddresses()).toEqual([]);
  expect(world.address(staticId)).toMatchObject({ status: row.status.available });
  expect(world.address(staticId)?.networkInterfaceId).toBeUndefined();
  for (const claim of await world.claims()) expect(claim.metadata.finalizers ?? []).not.toContain(FINALIZER);
  expect((await world.pool('td-pool'))?.metadata.finalizers ?? []).not.toContain(POOL_FINALIZER);
  expect(stdout).toMatch(new RegExp(`^${owned} +\\S+ +default/td-owned +release +released$`, 'm'));
  expect(stdout).toMatch(new RegExp(`^${retained} +\\S+ +default/td-kept +release +released$`, 'm'));
  expect(stdout).toMatch(new RegExp(`^${staticId} +\\S+ +default/td-static +unbind +unbound$`, 'm'));
  expect(stdout).toMatch(new RegExp(`^${pooled} +\\S+ +default/td-pooled +release +released$`, 'm'));
  expect(stdout).toMatch(new RegExp(`^${spare} +\\S+ +- +release +released$`, 'm'));
  expect(stdout).toContain('finalizers removed: 5');
  const audit = stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(audit.map(({ action, addressId, claim }) => ({ action, addressId, claim }))).toEqual(
    expect.arrayContaining([
      { action: 'ReleaseAddresses', addressId: owned, claim: 'default/td-owned' },
      { action: 'ReleaseAddresses', addressId: retained, claim: 'default/td-kept' },
      { action: 'DisassociateAddress', addressId: staticId, claim: 'default/td-static' },
    ]),
  );
  for (const line of audit) expect(line).toMatchObject({ level: 30, audit: true, requestId: expect.any(String) });
});
