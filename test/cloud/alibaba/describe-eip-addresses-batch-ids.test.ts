import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CloudEmulator } from '../../../hack/cloud/common/cloud-emulator.js';
import { allocate, REGION, startAlibabaFixture, vpcSdk, type VpcClient } from './alibaba-fixture.js';

/**
 * DescribeEipAddresses with a comma list of AllocationIds: the real API answers unknown ids, malformed
 * ones included, with an empty list rather than an error (terraform-provider-alicloud's
 * `VpcService.DescribeEipAddress` maps an empty `EipAddresses.EipAddress` to not-found; the API's error
 * table has no id error for this action). Through the official SDK.
 */
describe('Alibaba emulator: DescribeEipAddresses with unknown or malformed ids in the batch', () => {
  let emulator: CloudEmulator;
  let vpc: VpcClient;
  let healthy: string;

  beforeAll(async () => {
    ({ emulator, vpc } = await startAlibabaFixture());
    ({ allocationId: healthy } = await allocate(vpc));
  });
  afterAll(() => emulator.close());

  async function describeIds(allocationId: string) {
    const { body } = await vpc.describeEipAddresses(new vpcSdk.DescribeEipAddressesRequest({ regionId: REGION, allocationId }));
    return { total: body!.totalCount, ids: body!.eipAddresses!.eipAddress!.map((eip) => eip.allocationId) };
  }

  it.each([['eip-doesnotexist'], ['eip-00000000000000000000'], ['not-an-id']])('%s beside a known id: only the known one, no error', async (bad) => {
    expect(await describeIds(`${bad},${healthy}`)).toEqual({ total: 1, ids: [healthy] });
  });

  it('only unknown ids: an empty list', async () => {
    expect(await describeIds('eip-doesnotexist')).toEqual({ total: 0, ids: [] });
  });
});
