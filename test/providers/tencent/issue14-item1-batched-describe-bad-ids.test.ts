import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_TENCENT_CREDENTIALS } from '../../../hack/cloud/tencent/index.js';
import { TencentProvider } from '../../../src/providers/tencent/tencent-provider.js';
import { startTencentFixture, type TencentFixture } from '../../cloud/tencent/tencent-fixture.js';
import { failureOf } from '../../support/cloud-failure.js';

const FAST = { perSecond: {}, defaultPerSecond: 1000 };

/**
 * SPEC §3.4 / issue 14 item 1: one malformed id fails Tencent's whole DescribeAddresses, so the
 * CloudError must say it is tied to the request's ids (the address book then splits the batch);
 * an unknown well-formed id is just absent; writes naming an unknown id are not-found, also tied.
 */
describe('TencentProvider: a batched describe with a bad id', () => {
  let fixture: TencentFixture;
  let provider: TencentProvider;
  let healthy: string;

  beforeAll(async () => {
    fixture = await startTencentFixture({ rateLimits: false });
    const { secretId, secretKey } = DEFAULT_TENCENT_CREDENTIALS[0]!;
    provider = new TencentProvider({ region: 'ap-guangzhou', endpoint: fixture.emulator.endpoint, rateLimits: FAST, credential: { secretId, secretKey } });
    ({ addressId: healthy } = await provider.allocate({
      clientToken: 'uid-healthy',
      tags: {},
      allocation: { bandwidthMbps: 5, isp: 'BGP', chargeType: 'TRAFFIC_POSTPAID_BY_HOUR', parameters: {} },
    }));
    fixture.finishTransitions();
  });
  afterAll(async () => {
    provider.close();
    await fixture.close();
  });

  it('a malformed id fails the whole batch: invalid-request, tied to the ids', async () => {
    const failure = await failureOf(provider.describeByIds([healthy, 'eip-doesnotexist']));
    expect({ kind: failure.kind, code: failure.code, concernsIds: failure.concernsIds, action: failure.action }).toEqual({
      kind: 'invalid-request',
      code: 'InvalidParameterValue.AddressIdMalformed',
      concernsIds: true,
      action: 'DescribeAddresses',
    });
  });

  it('the same batch without the malformed id reads the healthy address', async () => {
    expect((await provider.describeByIds([healthy])).map((address) => address.id)).toEqual([healthy]);
  });

  it('an unknown well-formed id is simply absent', async () => {
    expect((await provider.describeByIds(['eip-00000000', healthy])).map((address) => address.id)).toEqual([healthy]);
  });

  it.each([
    ['release', () => provider.release('eip-00000000'), 'ReleaseAddresses'],
    ['disassociate', () => provider.disassociate('eip-00000000'), 'DisassociateAddress'],
  ])('%s of an unknown id: not-found, tied to the ids', async (_name, call, action) => {
    const failure = await failureOf(call());
    expect({ kind: failure.kind, code: failure.code, concernsIds: failure.concernsIds, action: failure.action }).toEqual({
      kind: 'not-found',
      code: 'InvalidAddressId.NotFound',
      concernsIds: true,
      action,
    });
  });

  it('a refusal about the address state is not tied to the ids', async () => {
    const failure = await failureOf(provider.disassociate(healthy));
    expect({ kind: failure.kind, code: failure.code, concernsIds: failure.concernsIds }).toEqual({
      kind: 'conflict',
      code: 'InvalidAddressIdStatus.NotPermit',
      concernsIds: false,
    });
  });
});
