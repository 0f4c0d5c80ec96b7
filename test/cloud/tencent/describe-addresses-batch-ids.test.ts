import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectTencentError, startTencentFixture, type TencentFixture } from './tencent-fixture.js';

/**
 * DescribeAddresses with `AddressIds` (reference "Long-tail error codes" and §2.6, from
 * tencentcloud-sdk-go `vpc/v20170312/client.go`): one malformed id (`eip-` + 8 lower-case letters
 * or digits is the form) fails the whole call with `InvalidParameterValue.AddressIdMalformed`,
 * whatever the other ids; an unknown well-formed id is left out of `AddressSet` (terraform-provider-
 * tencentcloud's `DescribeEipById` reads an empty set as "gone"). Through the official SDK.
 */
describe('Tencent emulator: DescribeAddresses with a bad id in the batch', () => {
  let fixture: TencentFixture;
  let healthy: string;

  beforeAll(async () => {
    fixture = await startTencentFixture({ rateLimits: false });
    healthy = (await fixture.client.AllocateAddresses({})).AddressSet![0]!;
    fixture.finishTransitions();
  });
  afterAll(() => fixture.close());

  it.each([['eip-doesnotexist'], ['eip-0000000'], ['eni-00000000'], ['']])(
    'the malformed id %j fails the whole batch',
    async (malformed) => {
      await expectTencentError(fixture.client.DescribeAddresses({ AddressIds: [healthy, malformed] }), 'InvalidParameterValue.AddressIdMalformed');
    },
  );

  it('an unknown well-formed id is absent; the known one is read', async () => {
    const reply = await fixture.client.DescribeAddresses({ AddressIds: ['eip-00000000', healthy] });
    expect({ total: reply.TotalCount, ids: reply.AddressSet!.map((address) => address.AddressId) }).toEqual({ total: 1, ids: [healthy] });
  });
});
