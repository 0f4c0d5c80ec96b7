/** SPEC §11 migration from ack-extend: its PodEIPs (Auto and Static, CRD of config/compat), adopted without a cloud write. */
import { fileURLToPath } from 'node:url';
import { ALIBABA_ROW as row } from '../providers/alibaba/alibaba-row.js';
import { createAckExtendPodEip, seedOwnedBinding, seedStaticBinding } from '../support/adoption-fixtures.js';
import { describeAdoption } from './adoption-scenario.js';

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
});
