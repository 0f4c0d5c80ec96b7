/** SPEC §11 migration from TKE's ipamd: an owned and a static (eip-id-list, by ordinal) binding, adopted without a cloud write. */
import { seedOwnedBinding, seedStaticBinding } from '../support/adoption-fixtures.js';
import { describeAdoption } from './adoption-scenario.js';
import { TENCENT_ROW as row } from './provider-rows.js';

describeAdoption('ipamd', row, async (world) => [
  { pod: 'game-0', address: await seedOwnedBinding(world, 'game-0', row.ownedRequest({ keep: true })), ownership: 'Owned' },
  { pod: 'relay-1', address: await seedStaticBinding(world, 'relay-1', (id) => row.staticRequest(['eip-00000000', id])), ownership: 'Static' },
]);
