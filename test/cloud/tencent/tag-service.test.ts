import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_TENCENT_CREDENTIALS } from '../../../hack/cloud/tencent/index.js';
import { createTagClient, type TagClient } from '../../../src/providers/tencent/tencent-client.js';
import { expectTencentError, startTencentFixture, TEST_REGION, type TencentFixture } from './tencent-fixture.js';

/** The Tag 2018-08-13 TagResources / UnTagResources on the emulator's endpoint, through the SDK's own tag client. */
describe('Tencent emulator: Tag service', () => {
  let fixture: TencentFixture;
  let tag: TagClient;
  const eip = (id: string, region = TEST_REGION) => `qcs::cvm:${region}:uin/:eip/${id}`;
  const tagsOf = (id: string) => fixture.emulator.admin.addresses().find((address) => address.addressId === id)?.tags;

  beforeAll(async () => {
    fixture = await startTencentFixture();
    tag = createTagClient({ region: TEST_REGION, endpoint: fixture.emulator.endpoint, credential: DEFAULT_TENCENT_CREDENTIALS[0]! });
  });
  afterAll(() => fixture.close());

  it('TagResources adds and overwrites tags on several EIPs, by uin or without', async () => {
    const [a, b] = fixture.emulator.admin.createAddresses([{ tags: { keep: '1', env: 'old' } }, {}]);
    const reply = await tag.TagResources({
      ResourceList: [eip(a!.addressId), `qcs::cvm:${TEST_REGION}:uin/100000000001:eip/${b!.addressId}`],
      Tags: [{ TagKey: 'env', TagValue: 'prod' }],
    });
    expect(reply.FailedResources).toEqual([]);
    expect(tagsOf(a!.addressId)).toEqual({ keep: '1', env: 'prod' });
    expect(tagsOf(b!.addressId)).toEqual({ env: 'prod' });
  });

  it('UnTagResources removes keys; an absent key is no error', async () => {
    const { addressId } = fixture.emulator.admin.createAddress({ tags: { keep: '1', env: 'prod' } });
    expect((await tag.UnTagResources({ ResourceList: [eip(addressId)], TagKeys: ['env', 'absent'] })).FailedResources).toEqual([]);
    expect(tagsOf(addressId)).toEqual({ keep: '1' });
  });

  it('an unknown EIP is a FailedResources entry, the others are tagged', async () => {
    const { addressId } = fixture.emulator.admin.createAddress({});
    const reply = await tag.TagResources({ ResourceList: [eip('eip-00000000'), eip(addressId)], Tags: [{ TagKey: 'k', TagValue: 'v' }] });
    expect(reply.FailedResources).toEqual([
      { Resource: eip('eip-00000000'), Code: 'ResourceNotFound', Message: `The resource \`${eip('eip-00000000')}\` does not exist.` },
    ]);
    expect(tagsOf(addressId)).toEqual({ k: 'v' });
  });

  it('refuses what the API refuses', async () => {
    const { addressId } = fixture.emulator.admin.createAddress({});
    const one = [eip(addressId)];
    await expectTencentError(tag.TagResources({ ResourceList: [eip(addressId, 'ap-beijing')], Tags: [{ TagKey: 'k', TagValue: 'v' }] }), 'InvalidParameterValue.ResourceDescriptionError');
    await expectTencentError(tag.TagResources({ ResourceList: [`qcs::cvm:${TEST_REGION}:uin/:instance/${addressId}`], Tags: [{ TagKey: 'k', TagValue: 'v' }] }), 'InvalidParameterValue.ResourceDescriptionError');
    await expectTencentError(tag.TagResources({ ResourceList: one, Tags: [{ TagKey: 'k', TagValue: 'v' }, { TagKey: 'k', TagValue: 'w' }] }), 'InvalidParameterValue.TagKeyDuplicate');
    await expectTencentError(tag.TagResources({ ResourceList: one, Tags: [{ TagKey: '', TagValue: 'v' }] }), 'InvalidParameterValue.TagKeyEmpty');
    await expectTencentError(tag.TagResources({ ResourceList: one, Tags: [{ TagKey: 'k', TagValue: '' }] }), 'InvalidParameterValue.TagValueEmpty');
    await expectTencentError(tag.UnTagResources({ ResourceList: Array(11).fill(one[0]), TagKeys: ['k'] }), 'LimitExceeded.ResourceNumPerRequest');
    await expectTencentError(tag.UnTagResources({ ResourceList: one, TagKeys: Array.from({ length: 11 }, (_, i) => `k${i}`) }), 'LimitExceeded.TagNumPerRequest');
    expect(tagsOf(addressId)).toEqual({});
  });

  it('answers Tag actions at version 2018-08-13 only, and VPC actions at 2017-03-12 only', async () => {
    const { addressId } = fixture.emulator.admin.createAddress({});
    await expectTencentError(fixture.client.request('TagResources', { ResourceList: [eip(addressId)], Tags: [{ TagKey: 'k', TagValue: 'v' }] }), 'NoSuchVersion');
    await expectTencentError(tag.request('DescribeAddresses', {}), 'NoSuchVersion');
  });
});
