/**
 * SPEC §11 migration, the same story for every source: bindings seeded as the old controller left
 * them; `podeip adopt --dry-run` prints the plan and writes nothing; `podeip adopt` creates the
 * claims as Bound and tags the owned addresses; a second run changes nothing; then podeip's
 * controller starts and makes no cloud write for them, every public IP where it was.
 */
import type { AdminAddress } from '../../hack/cloud/common/index.js';
import type { AdoptSource, Ownership } from '../../src/adopt/adoption-sources.js';
import type { EIPClaim } from '../../src/k8s/eipclaim.js';
import { CLAIM_UID_TAG, CLUSTER_TAG, NAME_TAG, NAMESPACE_TAG } from '../../src/lifecycle/address-book.js';
import { runAdopt } from '../support/adoption-fixtures.js';
import { CLUSTER_ID, eventually, NAMESPACE, useHarness, type Harness } from './harness.js';
import type { ProviderRow } from './provider-rows.js';

export interface SeededBinding {
  pod: string;
  address: AdminAddress;
  ownership: Ownership;
}

/** Every write the emulator answered, by action (Describe* are reads). */
function cloudWrites(world: Harness): Record<string, number> {
  const counts = world.cloud.admin.calls();
  return Object.fromEntries(Object.keys(counts).filter((action) => !action.startsWith('Describe')).map((action) => [action, world.calls(action)]));
}

/** A source's own check, run last, with the controller running over the adopted claims. */
export interface SourceCheck {
  name: string;
  run(world: Harness, seeded: SeededBinding[]): Promise<void>;
}

export function describeAdoption(source: AdoptSource, row: ProviderRow, seed: (world: Harness) => Promise<SeededBinding[]>, also?: SourceCheck): void {
  describe(`podeip adopt --from ${source} (${row.name})`, () => {
    const world = useHarness(row, { inProcessController: false });
    let seeded: SeededBinding[] = [];
    const plan = (action: string) =>
      [...seeded].sort((a, b) => a.pod.localeCompare(b.pod)).map(({ pod, address, ownership }) => [`${NAMESPACE}/${pod}`, address.addressId, address.publicIp, ownership, action]);
    const bindingsNow = () => seeded.map(({ address }) => world().address(address.addressId)).map((address) => [address?.publicIp, address?.privateIp, address?.status]);
    const seededBindings = () => seeded.map(({ address }) => [address.publicIp, address.privateIp, row.status.bound]);

    beforeAll(async () => {
      seeded = await seed(world());
    });

    test('--dry-run prints the plan and writes nothing', async () => {
      const writesBefore = cloudWrites(world());
      const run = await runAdopt(world(), source, '--dry-run');
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout.split('\n')[0]!.split(/ {2,}/)).toEqual(['POD', 'ADDRESS', 'PUBLIC-IP', 'OWNERSHIP', 'ACTION']);
      expect(run.rows).toEqual(plan('adopt'));
      expect(run.stdout.endsWith('dry run: nothing changed\n')).toBe(true);
      expect(await world().claims()).toEqual([]);
      expect(cloudWrites(world())).toEqual(writesBefore);
      expect(seeded.map(({ address }) => world().address(address.addressId)!.tags)).toEqual(seeded.map(({ address }) => address.tags));
    });

    test('adopting creates the claims as Bound and tags the owned addresses with their claim', async () => {
      const run = await runAdopt(world(), source);
      const owned = seeded.filter((binding) => binding.ownership === 'Owned').length;
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.rows).toEqual(plan('adopt'));
      expect(run.stdout.endsWith(`adopted ${seeded.length}, tagged ${owned}, skipped 0\n`)).toBe(true);
      for (const { pod, address, ownership } of seeded) {
        const claim = (await world().claim(pod))!;
        const podIp = (await world().pod(pod))!.status!.podIP;
        expect(claim.status).toMatchObject({ phase: 'Bound', addressId: address.addressId, publicIP: address.publicIp, ownership, privateIP: podIp, networkInterfaceId: address.networkInterfaceId });
        expect(claim.status!.conditions!.map(({ type, status, reason }) => [type, status, reason])).toEqual([
          ['Allocated', 'True', ownership === 'Owned' ? 'AddressAllocated' : 'StaticAddress'],
          ['Bound', 'True', 'AddressBound'],
          ['Ready', 'True', 'AddressBound'],
        ]);
        expect(world().address(address.addressId)!.tags).toEqual(ownership === 'Owned' ? podeipTags(claim) : address.tags);
      }
    });

    test('running it again changes nothing', async () => {
      const versions = (await world().claims()).map((claim) => claim.metadata.resourceVersion);
      const writesBefore = cloudWrites(world());
      const run = await runAdopt(world(), source);
      expect(run.rows).toEqual(plan('none (adopted)'));
      expect(run.stdout.endsWith(`adopted 0, tagged 0, skipped 0\n`)).toBe(true);
      expect((await world().claims()).map((claim) => claim.metadata.resourceVersion)).toEqual(versions);
      expect(cloudWrites(world())).toEqual(writesBefore);
    });

    test('podeip then makes no cloud write for the adopted claims, and every public IP stays where it was', async () => {
      const writesBefore = cloudWrites(world());
      await world().startController();
      for (const { pod, address } of seeded) {
        await eventually(`${pod} served by podeip with ${address.publicIp}`, async () => {
          const [claim, current] = await Promise.all([world().claim(pod), world().pod(pod)]);
          return claim?.status?.phase === 'Bound' && current?.metadata?.annotations?.['podeip.io/public-ip'] === address.publicIp;
        });
      }
      expect(cloudWrites(world())).toEqual(writesBefore);
      expect(bindingsNow()).toEqual(seededBindings());
    });

    if (also) test(also.name, () => also.run(world(), seeded));
  });
}

function podeipTags(claim: EIPClaim): Record<string, string> {
  return { [CLUSTER_TAG]: CLUSTER_ID, [CLAIM_UID_TAG]: claim.metadata.uid, [NAMESPACE_TAG]: claim.metadata.namespace, [NAME_TAG]: claim.metadata.name };
}
