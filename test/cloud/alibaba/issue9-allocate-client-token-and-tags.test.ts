/**
 * Issue 9 item 2, Alibaba emulator: a ClientToken reused with other parameters is
 * `IdempotentParameterMismatch` (help.aliyun.com/knowledge_detail/36569), and AllocateEipAddress's tag
 * rules (reference platforms-pools-and-error-tables.md "Long-tail error codes": values non-empty and
 * at most 128 characters, keys not starting with `aliyun` or `acs:`) answer `InvalidTagKey` /
 * `InvalidTagValue`, the codes of the VPC tag tables.
 */
import { describe, expect, it } from '@jest/globals';
import { allocate, sdkFailure, useAlibabaFixture, vpcSdk } from './alibaba-fixture.js';

describe('Alibaba emulator: AllocateEipAddress ClientToken and tag rules (issue 9 item 2)', () => {
  const fixture = useAlibabaFixture();

  const tagged = (key: string, value: string) => ({ tag: [new vpcSdk.AllocateEipAddressRequestTag({ key, value })] });

  it('replays the first answer for the same token and parameters, and refuses the token with other parameters', async () => {
    const first = await allocate(fixture().vpc, { clientToken: 'claim-uid-1', bandwidth: '5' });
    expect(await allocate(fixture().vpc, { clientToken: 'claim-uid-1', bandwidth: '5' })).toEqual(first);
    const changed = await sdkFailure(allocate(fixture().vpc, { clientToken: 'claim-uid-1', bandwidth: '10' }));
    expect(changed).toMatchObject({ code: 'IdempotentParameterMismatch', statusCode: 400 });
    expect(fixture().emulator.admin.addresses().map((address) => address.addressId)).toEqual([first.allocationId]);
  });

  it.each([
    ['an empty value', 'InvalidTagValue', 'team', ''],
    ['a value of 129 characters', 'InvalidTagValue', 'team', 'v'.repeat(129)],
    ['a key of 129 characters', 'InvalidTagKey', 'k'.repeat(129), 'games'],
    ['a key starting with aliyun', 'InvalidTagKey', 'aliyun-owner', 'games'],
    ['a key starting with acs:', 'InvalidTagKey', 'acs:rm:rgId', 'games'],
  ])('refuses a tag with %s: %s', async (_case, code, key, value) => {
    expect(await sdkFailure(allocate(fixture().vpc, tagged(key, value)))).toMatchObject({ code, statusCode: 400 });
    expect(fixture().emulator.admin.addresses()).toEqual([]);
  });

  it('takes keys and values of exactly 128 characters', async () => {
    const { allocationId } = await allocate(fixture().vpc, tagged('k'.repeat(128), 'v'.repeat(128)));
    expect(fixture().emulator.admin.addresses().find((address) => address.addressId === allocationId)!.tags).toEqual({ ['k'.repeat(128)]: 'v'.repeat(128) });
  });
});
