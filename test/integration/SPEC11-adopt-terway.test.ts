/** SPEC §11 migration from Terway: a pod-with-eip and a pod-eip-instanceid binding, adopted without a cloud write. */
import { ALIBABA_ROW as row } from '../providers/alibaba/alibaba-row.js';
import { seedOwnedBinding, seedStaticBinding } from '../support/adoption-fixtures.js';
import { describeAdoption } from './adoption-scenario.js';

describeAdoption('terway', row, async (world) => [
  { pod: 'game-0', address: await seedOwnedBinding(world, 'game-0', row.ownedRequest()), ownership: 'Owned' },
  { pod: 'relay', address: await seedStaticBinding(world, 'relay', (id) => row.staticRequest([id], { keep: true })), ownership: 'Static' },
]);
