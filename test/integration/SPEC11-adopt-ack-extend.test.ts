/**
 * SPEC §11 migration from ack-extend: its PodEIPs (Auto and Static, CRD of config/compat), adopted
 * without a cloud write; the PodEIPs themselves are handed to podeip, so OKG keeps reading them.
 */
import { fileURLToPath } from 'node:url';
import { ALIBABA_ROW as row } from '../providers/alibaba/alibaba-row.js';
import { createAckExtendPodEip, seedOwnedBinding, seedStaticBinding } from '../support/adoption-fixtures.js';
import { ADOPTED_FROM_ANNOTATION } from '../../src/adopt/adopted-claim.js';
import { EIP_CONTROLLER_ANNOTATION, PODEIP_GROUP, PODEIP_PLURAL, PODEIP_VERSION, type PodEIP } from '../../src/compat/podeip-resource.js';
import { eventually, type Harness, NAMESPACE } from './harness.js';
import { describeAdoption, type SeededBinding } from './adoption-scenario.js';

const CRD_FILE = fileURLToPath(new URL('../../config/compat/alibabacloud.com_podeips.yaml', import.meta.url));

describeAdoption('ack-extend', row, async (world) => {
  await world.kubectl('apply', '-f', CRD_FILE);
  const auto = await seedOwnedBinding(world, 'okg-0', row.ownedRequest());
  const fixed = await seedStaticBinding(world, 'okg-1', (id) => row.staticRequest([id]));
  await createAckExtendPodEip(world, 'okg-0', auto, 'Auto');
  await createAckExtendPodEip(world, 'okg-1', fixed, 'Static');
  return [
    { pod: 'okg-0', address: auto, ownership: 'Owned' },
    { pod: 'okg-1', address: fixed, ownership: 'Static' },
  ];
}, {
  name: 'its PodEIPs are podeip\'s from then on: annotated, owned by the claim, their status written by podeip',
  async run(world: Harness, seeded: SeededBinding[]) {
    for (const { pod, address } of seeded) {
      const podEip = await eventually(`PodEIP ${pod} written by podeip`, async () => {
        const read = (await world.custom.getNamespacedCustomObject({ group: PODEIP_GROUP, version: PODEIP_VERSION, plural: PODEIP_PLURAL, namespace: NAMESPACE, name: pod })) as PodEIP;
        return read.status?.eipAddress === address.publicIp ? read : undefined;
      });
      const claim = (await world.claim(pod))!;
      expect(podEip.metadata.annotations).toEqual({ [EIP_CONTROLLER_ANNOTATION]: 'podeip', [ADOPTED_FROM_ANNOTATION]: 'ack-extend' });
      expect(podEip.metadata.ownerReferences?.map(({ kind, name, uid }) => [kind, name, uid])).toEqual([['EIPClaim', pod, claim.metadata.uid]]);
      expect(podEip.status?.privateIPAddress).toBe((await world.pod(pod))!.status!.podIP);
    }
  },
});
