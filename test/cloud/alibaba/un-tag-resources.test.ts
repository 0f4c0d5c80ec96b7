import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REGION, sdkFailure, startAlibabaFixture, vpcSdk, type AlibabaFixture } from './alibaba-fixture.js';

/** VPC UnTagResources for EIPs through the official SDK. */
describe('Alibaba emulator: UnTagResources', () => {
  let fixture: AlibabaFixture;
  const tagsOf = (id: string) => fixture.emulator.admin.addresses().find((address) => address.addressId === id)?.tags;
  const untag = (fields: Record<string, unknown>) =>
    fixture.vpc.unTagResources(new vpcSdk.UnTagResourcesRequest({ regionId: REGION, resourceType: 'EIP', ...fields }));

  beforeAll(async () => {
    fixture = await startAlibabaFixture();
  });
  afterAll(() => fixture.emulator.close());

  it('removes the named keys from every EIP named; a key an EIP lacks is no error', async () => {
    const [a, b] = fixture.emulator.admin.createAddresses([{ tags: { keep: '1', env: 'prod' } }, { tags: { env: 'dev' } }]);
    await untag({ resourceId: [a!.addressId, b!.addressId], tagKey: ['env', 'absent'] });
    expect(tagsOf(a!.addressId)).toEqual({ keep: '1' });
    expect(tagsOf(b!.addressId)).toEqual({});
  });

  it('removes every tag with All=true', async () => {
    const { addressId } = fixture.emulator.admin.createAddress({ tags: { a: '1', b: '2' } });
    await untag({ resourceId: [addressId], all: true });
    expect(tagsOf(addressId)).toEqual({});
  });

  it('refuses an unknown EIP with InvalidResourceId.NotFound and changes nothing', async () => {
    const { addressId } = fixture.emulator.admin.createAddress({ tags: { a: '1' } });
    const failure = await sdkFailure(untag({ resourceId: [addressId, 'eip-doesnotexist000000'], tagKey: ['a'] }));
    expect(failure.code).toBe('InvalidResourceId.NotFound');
    expect(tagsOf(addressId)).toEqual({ a: '1' });
  });
});
