/**
 * SPEC §10, issue 11 item 4: a pool deleted (`kubectl delete eipp`) while its claims are binding.
 * Claims that took an address keep it until they end; claims that had none are told the pool does
 * not exist; no claim is stuck; once every claim has ended, every owned address of the pool is
 * released and the pool is gone.
 */
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { eventually, NAMESPACE, useHarness } from './harness.js';
import { PROVIDER_ROWS, type ProviderRow } from './provider-rows.js';

const POOL = 'podeip.io/pool';
const PODS = ['mid-0', 'mid-1', 'mid-2', 'mid-3', 'mid-4'];
const REFUSAL = `annotation ${POOL} names EIPPool midbind, which is being deleted`;

/** Bound to a pool address, or refused because the pool is gone: either way the claim is not waiting. */
function settled(claim: EIPClaim | undefined): boolean {
  const ready = claim?.status?.conditions?.find((condition) => condition.type === 'Ready');
  return (claim?.status?.phase === 'Bound' && claim.status.pool === 'midbind') || (ready?.reason === 'InvalidRequest' && ready.message === REFUSAL);
}

describe.each(PROVIDER_ROWS)('SPEC 10 EIPPool deleted mid-bind ($name)', (row: ProviderRow) => {
  const world = useHarness(row);
  const poolAddresses = () => world().cloud.admin.addresses().filter((address) => address.tags[POOL] === 'midbind');

  test('claims holding an address keep it, the others are refused, none is stuck, and every owned address goes once they end', async () => {
    await world().createPool('midbind', { allocation: { minAvailable: 2, maxSize: PODS.length } });
    await eventually('2 warm spares', async () => (await world().pool('midbind'))?.status?.available === 2);

    await Promise.all(PODS.map((name) => world().createPod(name, { [POOL]: 'midbind' })));
    await eventually('a claim took an address', async () => (await world().claims()).some((claim) => claim.status?.addressId));
    await world().deletePool('midbind');
    const claims = await eventually('every claim Bound or refused', async () => {
      const read = await Promise.all(PODS.map((name) => world().claim(name)));
      return read.every(settled) ? (read as EIPClaim[]) : undefined;
    });

    const bound = claims.filter((claim) => claim.status?.phase === 'Bound');
    expect(bound.length).toBeGreaterThanOrEqual(1);
    const held = bound.map((claim) => claim.status!.addressId!);
    expect(new Set(held).size).toBe(bound.length);
    const owned = new Set(poolAddresses().map((address) => address.addressId));
    expect(held.filter((addressId) => !owned.has(addressId))).toEqual([]);
    for (const claim of bound) expect(world().address(claim.status!.addressId!)?.status).toBe(row.status.bound);
    expect((await world().pool('midbind'))?.metadata.finalizers).toEqual(['podeip.io/pool']);
    const seen = [...owned];

    await Promise.all(PODS.map((name) => world().deletePod(name)));
    await eventually('every claim ended', async () => (await world().claims()).filter((claim) => claim.metadata.namespace === NAMESPACE && PODS.includes(claim.metadata.name)).length === 0);
    await eventually('pool gone', async () => (await world().pool('midbind')) === undefined);
    await eventually('every owned address of the pool released', () => poolAddresses().length === 0);
    expect(seen.filter((addressId) => world().address(addressId) !== undefined)).toEqual([]);
  });
});
