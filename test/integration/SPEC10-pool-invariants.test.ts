/**
 * SPEC §10 invariants under concurrency and change (issue 11 item 4): a Deployment rollout keeps the
 * pool's public IPs and allocates nothing; two pods racing for the last address never share it; a
 * controller stopped between taking an address and recording it leaves it free; a pool edited while a
 * claim holds an address leaves the claim alone; --static-addresses=pooled refuses unlisted addresses.
 */
import type { V1Deployment } from '@kubernetes/client-node';
import { eventually, type Harness, NAMESPACE, useHarness } from './harness.js';
import { conditionWithReason } from './lifecycle-steps.js';
import { actionOf, PROVIDER_ROWS, type ProviderRow } from './provider-rows.js';

const POOL = 'podeip.io/pool';

function deployment(name: string, replicas: number, annotations: Record<string, string>): V1Deployment {
  const labels = { app: name };
  return {
    metadata: { name },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels, annotations }, spec: { containers: [{ name: 'app', image: 'busybox' }] } } },
  };
}

/** Every claim of these names Bound with its pod annotated; their addresses. */
async function boundAddresses(world: Harness, names: () => Promise<string[]>, count: number): Promise<string[]> {
  return eventually(`${count} pods bound`, async () => {
    const current = await names();
    if (current.length !== count) return undefined;
    const bound = await Promise.all(current.map((name) => world.boundClaim(name, 100).catch(() => undefined)));
    if (bound.some((entry) => entry === undefined)) return undefined;
    return bound.map((entry) => entry!.claim.status!.addressId!);
  });
}

function staticAddresses(world: Harness, count: number): string[] {
  return Array.from({ length: count }, () => world.cloud.admin.createAddress({}).addressId);
}

describe.each(PROVIDER_ROWS)('SPEC 10 pool invariants ($name)', (row: ProviderRow) => {
  const world = useHarness(row);
  const allocate = actionOf(row, 'allocate');

  test('a rollout of a 4-replica Deployment over a pool of 5 keeps exactly the pool\'s public IPs and allocates nothing', async () => {
    const pool = staticAddresses(world(), 5);
    const allocationsBefore = world().calls(allocate);
    await world().createPool('rollout', { addresses: pool });
    await world().apps.createNamespacedDeployment({ namespace: NAMESPACE, body: deployment('web', 4, { [POOL]: 'rollout' }) });
    const podsOf = async (revision?: string) =>
      (await world().core.listNamespacedPod({ namespace: NAMESPACE, labelSelector: 'app=web' })).items
        .filter((pod) => !pod.metadata?.deletionTimestamp && (revision === undefined || pod.metadata?.annotations?.revision === revision))
        .map((pod) => pod.metadata!.name!);
    const before = await boundAddresses(world(), () => podsOf(), 4);
    expect(before.every((addressId) => pool.includes(addressId))).toBe(true);

    const patch = [{ op: 'add', path: '/spec/template/metadata/annotations/revision', value: '2' }];
    await world().apps.patchNamespacedDeployment({ namespace: NAMESPACE, name: 'web', body: patch });
    const after = await boundAddresses(world(), () => podsOf('2'), 4);
    expect(after.every((addressId) => pool.includes(addressId))).toBe(true);
    expect(new Set(after).size).toBe(4);
    expect(world().calls(allocate)).toBe(allocationsBefore);
    await world().apps.deleteNamespacedDeployment({ namespace: NAMESPACE, name: 'web' });
  });

  test('two pods racing for the last address: one gets it, the other waits, and no address is held twice', async () => {
    const [last] = staticAddresses(world(), 1);
    await world().createPool('race', { addresses: [last!] });
    await Promise.all(['race-a', 'race-b'].map((name) => world().createPod(name, { [POOL]: 'race' })));
    const winner = await eventually('one bound', async () => {
      const bound = await Promise.all(['race-a', 'race-b'].map((name) => world().boundClaim(name, 100).catch(() => undefined)));
      return bound.find((entry) => entry !== undefined);
    });
    const loser = winner.claim.metadata.name === 'race-a' ? 'race-b' : 'race-a';
    await conditionWithReason(world(), loser, 'Ready', 'PoolExhausted');
    const holders = (await world().claims()).filter((claim) => claim.status?.addressId === last);
    expect(holders.map((claim) => claim.metadata.name)).toEqual([winner.claim.metadata.name]);
  });

  test('a controller stopped between taking an address and recording it leaves it free; after the restart exactly one claim holds it', async () => {
    const [only] = staticAddresses(world(), 1);
    await world().createPool('crash', { addresses: [only!] });
    world().apiServer.hooks.injectFault({ method: 'PATCH', pathPattern: /\/eipclaims\/crash-a\/status$/, status: 500 });
    await world().createPod('crash-a', { [POOL]: 'crash' });
    await eventually('the status write refused', () =>
      world().apiServer.hooks.requestLog().some((entry) => entry.verb === 'patch' && entry.name === 'crash-a' && entry.subresource === 'status'),
    );
    await world().stopController();
    world().apiServer.hooks.clearFaults();
    expect((await world().claim('crash-a'))?.status?.addressId).toBeUndefined();
    expect(world().address(only!)).toMatchObject({ status: row.status.available });

    await world().startController();
    const { claim } = await world().boundClaim('crash-a');
    expect(claim.status!.addressId).toBe(only);
    expect((await world().claims()).filter((entry) => entry.status?.addressId === only)).toHaveLength(1);
  });

  test('a pool edited while a claim holds one of its addresses leaves the claim alone; the removed address is no longer lent', async () => {
    const [kept, dropped] = staticAddresses(world(), 2);
    await world().createPool('edited', { addresses: [dropped!, kept!] });
    await world().createPod('edit-a', { [POOL]: 'edited' });
    const { claim } = await world().boundClaim('edit-a');
    expect(claim.status!.addressId).toBe(dropped);
    await world().custom.patchClusterCustomObject({ group: 'podeip.io', version: 'v1alpha1', plural: 'eippools', name: 'edited', body: [{ op: 'replace', path: '/spec/addresses', value: [kept] }] });
    await eventually('pool shows one address', async () => (await world().pool('edited'))?.status?.total === 1);
    expect((await world().claim('edit-a'))!.status).toMatchObject({ phase: 'Bound', addressId: dropped });

    await world().deletePod('edit-a');
    await eventually('claim gone', async () => (await world().claim('edit-a')) === undefined);
    await eventually('dropped address unbound, still there', () => world().address(dropped!)?.status === row.status.available);
    await world().createPod('edit-b', { [POOL]: 'edited' });
    const next = await world().boundClaim('edit-b');
    expect(next.claim.status!.addressId).toBe(kept);
  });
});

describe.each(PROVIDER_ROWS)('SPEC 10 --static-addresses=pooled ($name)', (row: ProviderRow) => {
  const world = useHarness(row, { controller: { staticAddresses: 'pooled' } });

  test('a static request for an address no pool lists is bad input with no cloud call; one a pool that admits the pod lends is bound', async () => {
    const [unlisted, listed] = staticAddresses(world(), 2);
    await world().createPool('lends', { addresses: [listed!] });
    const associations = world().calls(actionOf(row, 'associate'));
    await world().createPod('unlisted', row.staticRequest([unlisted!]));
    const refused = await conditionWithReason(world(), 'unlisted', 'Ready', 'InvalidRequest');
    expect(refused.message).toBe(`names ${unlisted}, which no EIPPool lists; with --static-addresses=pooled a pod may name only addresses of an EIPPool that admits namespace ${NAMESPACE}`);
    expect(world().calls(actionOf(row, 'associate'))).toBe(associations);

    await world().createPod('listed', row.staticRequest([listed!]));
    const { claim } = await world().boundClaim('listed');
    expect(claim.status).toMatchObject({ addressId: listed, ownership: 'Static' });
  });
});
