/** Issue 9 item 2: podeip names the Tencent addresses it allocates after their owner, within what both AddressName pages accept. */
import { addressNameOf } from '../../../src/providers/tencent/address-name.js';

test.each([
  ['default/game-0', 'default_game-0'],
  ['EIPPool game-eu', 'EIPPool_game-eu'],
  ['games/relay.eu-west-1', 'games_relay_eu-west-'],
  ['a-very-long-namespace/pod', 'a-very-long-namespac'],
])('%s is named %s', (owner, name) => {
  expect(addressNameOf(owner)).toBe(name);
});
