/**
 * SPEC §3.4: one pod's bad input never affects another pod's claim. A malformed static id is bad
 * input before any cloud call; a claim that recorded one before podeip validated ids does not stop
 * the cloud sync (R11 drift, R12 orphans) for everyone, and can always be finalized.
 */
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import type { Harness } from './harness.js';
import { CLUSTER_ID, eventually, NAMESPACE, useHarness } from './harness.js';
import { actionOf, PROVIDER_ROWS, type ProviderRow } from './provider-rows.js';

const MINUTE = 60_000;
const BAD_ID = 'eip-doesnotexist';

function readyOf(claim: { status?: { conditions?: { type: string; status: string; reason: string }[] } } | undefined) {
  return claim?.status?.conditions?.find((condition) => condition.type === 'Ready');
}

/** Healthy claims (owned and static), an orphan, and an address unbound out of band: the sync must handle all of them. */
async function healthyWorld(world: Harness, row: ProviderRow, prefix: string) {
  const staticAddress = world.cloud.admin.createAddress({});
  await world.createPod(`${prefix}-owned`, row.ownedRequest());
  await world.createPod(`${prefix}-static`, row.staticRequest([staticAddress.addressId]));
  const owned = await world.boundClaim(`${prefix}-owned`);
  await world.boundClaim(`${prefix}-static`);
  return { owned, staticAddress };
}

async function expectSyncStillRepairsAndCollects(world: Harness, row: ProviderRow, owned: Awaited<ReturnType<typeof healthyWorld>>['owned']) {
  const orphan = world.cloud.admin.createAddress({ tags: { 'podeip.io/cluster': CLUSTER_ID, 'podeip.io/claim-uid': 'claim-that-is-gone' } });
  const addressId = owned.claim.status!.addressId!;
  const associations = world.calls(actionOf(row, 'associate'));
  const provider = await world.directProvider();
  await provider.disassociate(addressId, { networkInterfaceId: owned.claim.status!.networkInterfaceId!, privateIp: owned.claim.status!.privateIP! });
  provider.close();
  await eventually('unbound out of band', () => world.address(addressId)?.status === row.status.available);

  await world.controller!.syncCloud();
  world.clock.advance(11 * MINUTE);
  await world.controller!.syncCloud();
  await eventually('orphan released (R12)', () => world.address(orphan.addressId) === undefined);
  await eventually('re-bound (R11)', () => world.calls(actionOf(row, 'associate')) > associations && world.address(addressId)?.privateIp === owned.pod.status!.podIP);
  await eventually('the re-bound claim is Ready again', async () => readyOf(await world.claim(owned.claim.metadata.name))?.status === 'True');
}

describe.each(PROVIDER_ROWS)('SPEC 3.4 one bad pod ($name)', (row) => {
  const world = useHarness(row, { controller: { cloudSyncIntervalMs: 60_000 } });

  test('a malformed static id is bad input: a claim shows it, no cloud call names it, the others are served, deleting the pod removes the claim', async () => {
    const { owned } = await healthyWorld(world(), row, 'iso');
    world().apiServer.hooks.clearRequestLog();
    await world().createPod('bad-id', row.staticRequest([BAD_ID]));
    const claim = await eventually('claim shows InvalidRequest', async () => {
      const current = await world().claim('bad-id');
      return readyOf(current)?.reason === 'InvalidRequest' ? current : undefined;
    });
    expect(claim!.status!.phase).toBe('Pending');
    expect(claim!.status!.addressId).toBeUndefined();
    const pod = await eventually('pod condition False', async () => {
      const current = await world().pod('bad-id');
      const condition = current?.status?.conditions?.find((entry) => entry.type === 'podeip.io/eip-bound');
      return condition?.reason === 'InvalidRequest' ? condition : undefined;
    });
    expect(pod.status).toBe('False');
    const warning = await eventually('InvalidEIPRequest', async () => (await world().events('InvalidEIPRequest', 'bad-id'))[0]);
    expect(warning.message).toContain(BAD_ID);

    await expectSyncStillRepairsAndCollects(world(), row, owned);

    await world().deletePod('bad-id');
    await eventually('bad claim gone', async () => (await world().claim('bad-id')) === undefined);
  });

  test('a claim that recorded a malformed id (before ids were validated) neither stops the cloud sync nor its own finalizer', async () => {
    const { owned } = await healthyWorld(world(), row, 'legacy');
    const created = (await world().custom.createNamespacedCustomObject({
      group: 'podeip.io',
      version: 'v1alpha1',
      namespace: NAMESPACE,
      plural: 'eipclaims',
      body: {
        apiVersion: 'podeip.io/v1alpha1',
        kind: 'EIPClaim',
        metadata: { name: 'legacy-bad', finalizers: ['podeip.io/release'] },
        spec: { provider: row.name, deletePolicy: 'Never', addressId: BAD_ID },
      },
    })) as { metadata: { name: string } };
    await world().custom.patchNamespacedCustomObjectStatus({
      group: 'podeip.io',
      version: 'v1alpha1',
      namespace: NAMESPACE,
      plural: 'eipclaims',
      name: created.metadata.name,
      body: { status: { phase: 'Retained', addressId: BAD_ID, ownership: 'Static', podGoneAt: new Date().toISOString() } },
    }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));

    await expectSyncStillRepairsAndCollects(world(), row, owned);

    await world().kubectl('delete', 'eipc', 'legacy-bad', '--wait=false');
    await eventually('legacy claim finalized', async () => (await world().claim('legacy-bad')) === undefined);
  });
});
