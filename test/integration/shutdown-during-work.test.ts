/**
 * SIGTERM while claims are mid-flight (allocated, not yet bound): `podeip run` exits 0 within its
 * graceful-shutdown timeout and releases the lease; a fresh controller then converges with every
 * claim Bound to its own address and exactly one allocation per claim.
 */
import { CoordinationV1Api } from '@kubernetes/client-node';
import { CONTROLLER_NAMESPACE, eventually, Harness } from './harness.js';
import { ControllerProcess, LEADER_ELECT_ARGS, LEASE_NAME } from './process-fixture.js';
import { TENCENT_ROW } from './provider-rows.js';

const PODS = Array.from({ length: 20 }, (_, index) => `busy-${index}`);
const GRACE_MS = 2_000;
/** Slow binds keep claims between allocation and binding when SIGTERM arrives. */
const BIND_LATENCY_MS = 400;

describe('SIGTERM during work', () => {
  let world: Harness;
  let controller: ControllerProcess | undefined;
  beforeAll(async () => {
    world = await Harness.start(TENCENT_ROW, { inProcessController: false });
  });
  afterAll(async () => {
    controller?.signal('SIGKILL');
    await controller?.exited;
    await world?.close();
  });

  const allocated = () => world.cloud.admin.calls().AllocateAddresses?.OK ?? 0;

  test('exits 0 within the grace period, releases the lease, and leaves nothing half-written', async () => {
    controller = await ControllerProcess.start(world, 'terminated', [...LEADER_ELECT_ARGS, `--graceful-shutdown-timeout=${GRACE_MS}ms`]);
    await controller.leading();
    world.cloud.admin.setFault({ action: 'AssociateAddress', latencyMs: BIND_LATENCY_MS });
    await Promise.all(PODS.map((name) => world.createPod(name, TENCENT_ROW.ownedRequest())));
    await eventually('some claims allocated', () => allocated() >= 5);

    const signalledAt = Date.now();
    controller.signal('SIGTERM');
    expect(await controller.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(GRACE_MS + 1_000);
    const claimsAtExit = await world.claims();
    const midFlight = claimsAtExit.filter((claim) => claim.status?.addressId && claim.status.phase !== 'Bound');
    expect(midFlight.length).toBeGreaterThan(0);
    const lease = await world.kubeConfig.makeApiClient(CoordinationV1Api).readNamespacedLease({ namespace: CONTROLLER_NAMESPACE, name: LEASE_NAME });
    expect(lease.spec?.holderIdentity).toBe('');
    expect(controller.logLines().map((line) => line.msg)).toContain('shutting down');

    world.cloud.admin.clearFaults();
    await world.startController();
    await Promise.all(PODS.map((name) => world.boundClaim(name)));
    const claims = await world.claims();
    expect(claims.map((claim) => claim.status?.phase)).toEqual(PODS.map(() => 'Bound'));
    const claimedIds = claims.map((claim) => claim.status?.addressId);
    const owned = world.cloud.admin.addresses().filter((address) => address.tags['podeip.io/cluster'] !== undefined);
    expect(owned.map((address) => claimedIds.filter((id) => id === address.addressId).length)).toEqual(PODS.map(() => 1));
    expect(allocated()).toBe(PODS.length);
  });
});
