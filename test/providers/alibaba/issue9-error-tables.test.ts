import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CloudError } from '../../../src/providers/cloud-error.js';
import type { AddressTarget, AllocateRequest } from '../../../src/providers/provider.js';
import { startProviderFixture, type ProviderFixture } from './provider-fixture.js';
import { failureOf } from '../../support/cloud-failure.js';

function owned(clientToken: string): AllocateRequest {
  return { clientToken, tags: { 'podeip.io/cluster': 'c1' }, allocation: { bandwidthMbps: 5, isp: 'BGP', chargeType: 'PayByTraffic', parameters: {} } };
}

/**
 * Issue 9's named weaknesses and issue 14 item 1 on Alibaba, against the emulator through the
 * official SDKs. Codes from the AssociateEipAddress error table
 * (alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-associateeipaddress) and
 * reference "Long-tail error codes".
 */
describe('AlibabaProvider error tables', () => {
  let fixture: ProviderFixture;
  let addressId: string;
  let target: AddressTarget;
  const lookups = () => fixture.recorder.calls.filter((call) => call.action === 'DescribeNetworkInterfaces').length;

  beforeAll(async () => {
    fixture = await startProviderFixture({}, { throttleRetries: 0 });
    ({ addressId } = await fixture.provider.allocate(owned('uid-tables')));
    target = (await fixture.provider.resolveTarget(fixture.pods[0]!.privateIp))!;
  });
  afterAll(() => fixture.close());

  async function associateFailingWith(code: string): Promise<CloudError> {
    fixture.emulator.admin.setFault({ action: 'AssociateEipAddress', errorCode: code, errorMessage: `injected ${code}` });
    try {
      return await failureOf(fixture.provider.associate(addressId, target));
    } finally {
      fixture.emulator.admin.clearFaults();
    }
  }

  describe('"try again later" codes that start with Invalid are conflict, and keep the cached ENI', () => {
    it.each([
      'InvalidStatus.EniStatusNotSupport',
      'InvalidStatus.EcsStatusNotSupport',
      'InvalidBindingStatus',
      'OperationFailed.EcsMigrating',
      'OperationFailed.SystemBusy',
    ])('%s → conflict', async (code) => {
      const before = lookups();
      const failure = await associateFailingWith(code);
      expect({ kind: failure.kind, code: failure.code, retryable: failure.retryable, concernsIds: failure.concernsIds }).toEqual({
        kind: 'conflict',
        code,
        retryable: true,
        concernsIds: false,
      });
      expect(await fixture.provider.resolveTarget(target.privateIp)).toEqual(target);
      expect(lookups()).toBe(before);
    });
  });

  describe('codes saying the instance or ENI does not exist are not-found, and drop the cached ENI', () => {
    it.each([
      'InvalidParams.NotFound',
      'InvalidInstanId.NotFound',
      'InvalidNicOrVm.NotFound',
      'InvalidInstance.NotExist',
      'OperationFailed.InstanceNotExist',
      'InvalidInstanceId.NotFound',
    ])('%s → not-found, looked up again', async (code) => {
      const before = lookups();
      const failure = await associateFailingWith(code);
      expect({ kind: failure.kind, code: failure.code, concernsIds: failure.concernsIds }).toEqual({ kind: 'not-found', code, concernsIds: false });
      expect(await fixture.provider.resolveTarget(target.privateIp)).toEqual(target);
      expect(lookups()).toBe(before + 1);
    });
  });

  describe('a batched describe with bad ids (issue 14 item 1)', () => {
    it('unknown and malformed ids are absent, the known one is read', async () => {
      const described = await fixture.provider.describeByIds(['eip-doesnotexist', addressId, 'not-an-id', 'eip-00000000000000000000']);
      expect(described.map((address) => address.id)).toEqual([addressId]);
    });

    it('InvalidAllocationId.NotFound is not-found and tied to the ids', async () => {
      fixture.emulator.admin.setFault({ action: 'AssociateEipAddress', errorCode: 'InvalidAllocationId.NotFound', errorMessage: 'injected' });
      try {
        const failure = await failureOf(fixture.provider.associate('eip-doesnotexist', target));
        expect({ kind: failure.kind, code: failure.code, concernsIds: failure.concernsIds }).toEqual({
          kind: 'not-found',
          code: 'InvalidAllocationId.NotFound',
          concernsIds: true,
        });
      } finally {
        fixture.emulator.admin.clearFaults();
      }
    });
  });
});
