/**
 * Tencent emulator, AllocateAddresses AddressName (cloud.tencent.com ModifyAddressAttribute: at most
 * 128 characters, letters, Chinese characters, digits, "-" and "_"): other names are refused.
 */
import { describe, expect, it } from '@jest/globals';
import { expectTencentError, useTencentFixture } from './tencent-fixture.js';

describe('Tencent emulator: AddressName', () => {
  const fixture = useTencentFixture({ rateLimits: false });

  it.each([['default/game-0'], ['has space'], ['x'.repeat(129)]])('refuses the name %s', async (name) => {
    await expectTencentError(fixture().client.AllocateAddresses({ AddressName: name }), 'InvalidParameterValue');
  });

  it('keeps a valid name, which DescribeAddresses shows', async () => {
    const { AddressSet } = await fixture().client.AllocateAddresses({ AddressName: 'default_game-0' });
    const described = await fixture().client.DescribeAddresses({ AddressIds: AddressSet });
    expect(described.AddressSet![0]!.AddressName).toBe('default_game-0');
  });
});
