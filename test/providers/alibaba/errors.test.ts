import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { DEFAULT_ALIBABA_DELAYS } from '../../../hack/cloud/alibaba/index.js';
import { ManualClock } from '../../../hack/cloud/common/clock.js';
import { accessKeyCredential } from '../../../src/providers/alibaba/alibaba-clients.js';
import { AlibabaProvider } from '../../../src/providers/alibaba/alibaba-provider.js';
import type { AllocateRequest } from '../../../src/providers/provider.js';
import { REQUEST_ID } from '../../cloud/alibaba/alibaba-fixture.js';
import { CallRecorder, FAST_LIMITS, REGION, providerFor, startProviderFixture, type ProviderFixture } from './provider-fixture.js';
import { failureOf } from '../../support/cloud-failure.js';

function owned(clientToken: string, bandwidthMbps = 5): AllocateRequest {
  return { clientToken, tags: { 'podeip.io/cluster': 'c1' }, allocation: { bandwidthMbps, isp: 'BGP', chargeType: 'PayByTraffic', parameters: {} } };
}

describe('AlibabaProvider error classification', () => {
  const clock = new ManualClock(Date.now());
  let fixture: ProviderFixture;

  beforeAll(async () => {
    fixture = await startProviderFixture({ clock }, { throttleRetries: 0 });
  });
  afterAll(() => fixture.close());

  describe('codes any action may answer (injected through the admin API; per-action codes: test/unit/providers/alibaba-error-classification)', () => {
    it.each([
      ['TaskConflict', 'conflict'],
      ['IncorrectEipStatus', 'conflict'],
      ['OperationFailed.LastTokenProcessing', 'conflict'],
      ['Throttling.User', 'throttled'],
      ['Throttling', 'throttled'],
      ['QuotaExceeded.Eip', 'quota'],
      ['InsufficientBalance', 'quota'],
      ['Forbidden.RAM', 'auth'],
      ['InvalidAccessKeyId.NotFound', 'auth'],
      ['SignatureDoesNotMatch', 'auth'],
      ['InvalidParameter', 'invalid-request'],
      ['InvalidBandwidth.Malformed', 'invalid-request'],
      ['MissingAllocationId', 'invalid-request'],
      ['InvalidBandwidthPackageId.NotFound', 'invalid-request'],
      ['InvalidAllocationId.NotFound', 'not-found'],
      ['InvalidInstanceId.NotFound', 'not-found'],
      ['InternalError', 'transient'],
      ['ServiceUnavailable', 'transient'],
      ['SystemBusy', 'transient'],
    ])('%s → %s', async (code, kind) => {
      fixture.emulator.admin.setFault({ action: 'DescribeEipAddresses', errorCode: code, errorMessage: `injected ${code}` });
      try {
        const failure = await failureOf(fixture.provider.describeByIds(['eip-any']));
        expect({ kind: failure.kind, code: failure.code, action: failure.action, provider: failure.provider, message: failure.message }).toEqual({
          kind,
          code,
          action: 'DescribeEipAddresses',
          provider: 'alibaba',
          message: `injected ${code}`,
        });
        expect(failure.requestId).toMatch(REQUEST_ID);
        expect(failure.describe()).toBe(`DescribeEipAddresses failed: Code=${code}, Message="injected ${code}", RequestId=${failure.requestId}`);
        expect(fixture.recorder.calls.at(-1)).toEqual({ provider: 'alibaba', action: 'DescribeEipAddresses', code });
      } finally {
        fixture.emulator.admin.clearFaults();
      }
    });
  });

  describe('codes the emulator gives for real', () => {
    it('TaskConflict while an address is associating, IncorrectEipStatus when releasing a bound one: both conflict', async () => {
      const pod = fixture.pods[0]!;
      const target = (await fixture.provider.resolveTarget(pod.privateIp))!;
      const { addressId } = await fixture.provider.allocate(owned('uid-busy'));
      await fixture.provider.associate(addressId, target);
      expect(await failureOf(fixture.provider.associate(addressId, target))).toMatchObject({ kind: 'conflict', code: 'TaskConflict' });
      clock.advance(DEFAULT_ALIBABA_DELAYS.associateMs);
      expect(await failureOf(fixture.provider.release(addressId))).toMatchObject({ kind: 'conflict', code: 'IncorrectEipStatus', action: 'ReleaseEipAddress' });
    });

    it('a second address for a private IP that has one: conflict (InvalidAssociation.Duplicated)', async () => {
      const pod = fixture.pods[0]!;
      const { addressId } = await fixture.provider.allocate(owned('uid-second'));
      const failure = await failureOf(fixture.provider.associate(addressId, { networkInterfaceId: pod.networkInterfaceId, privateIp: pod.privateIp }));
      expect(failure).toMatchObject({ kind: 'conflict', code: 'InvalidAssociation.Duplicated' });
    });

    it('an ENI that no longer exists: not-found, and the cached pod IP → ENI mapping is dropped', async () => {
      const pod = fixture.pods[1]!;
      await fixture.provider.resolveTarget(pod.privateIp);
      const lookups = () => fixture.recorder.calls.filter((call) => call.action === 'DescribeNetworkInterfaces').length;
      const lookupsBefore = lookups();
      const { addressId } = await fixture.provider.allocate(owned('uid-stale-eni'));
      const failure = await failureOf(fixture.provider.associate(addressId, { networkInterfaceId: 'eni-gone000000000000', privateIp: pod.privateIp }));
      expect(failure).toMatchObject({ kind: 'not-found', code: 'InvalidInstanceId.NotFound' });
      expect(await fixture.provider.resolveTarget(pod.privateIp)).toEqual({ networkInterfaceId: pod.networkInterfaceId, privateIp: pod.privateIp });
      expect(lookups() - lookupsBefore).toBe(1);
    });

    it('bandwidth beyond what the charge type allows: invalid-request', async () => {
      expect(await failureOf(fixture.provider.allocate(owned('uid-wide', 500)))).toMatchObject({ kind: 'invalid-request', code: 'InvalidBandwidth.Malformed' });
    });

    it('no quota left: quota (QuotaExceeded.Eip)', async () => {
      fixture.emulator.admin.setQuota(fixture.emulator.admin.addresses().length);
      expect(await failureOf(fixture.provider.allocate(owned('uid-over-quota')))).toMatchObject({ kind: 'quota', code: 'QuotaExceeded.Eip' });
      fixture.emulator.admin.setQuota(100);
    });

    it.each([
      ['a wrong secret', 'LTAI5tPodeipEmulator01', 'wrong-secret', 'SignatureDoesNotMatch'],
      ['an unknown access key', 'LTAI5tNobody', 'whatever', 'InvalidAccessKeyId.NotFound'],
    ])('%s: auth (%s)', async (_name, accessKeyId, accessKeySecret, code) => {
      const provider = providerFor(fixture.emulator, { credential: accessKeyCredential(accessKeyId, accessKeySecret) });
      try {
        const failure = await failureOf(provider.describeByIds(['eip-any']));
        expect(failure).toMatchObject({ kind: 'auth', code });
        expect(failure.retryable).toBe(false);
      } finally {
        provider.close();
      }
    });
  });

  it('no answer at all (nothing listens): transient, with no code', async () => {
    const port = await closedPort();
    const recorder = new CallRecorder();
    const provider = new AlibabaProvider({
      region: REGION,
      endpoint: `http://127.0.0.1:${port}`,
      credential: accessKeyCredential('LTAI5tPodeipEmulator01', 'x'),
      rateLimits: FAST_LIMITS,
      observer: recorder,
    });
    try {
      const failure = await failureOf(provider.describeByIds(['eip-any']));
      expect({ kind: failure.kind, code: failure.code, requestId: failure.requestId }).toEqual({ kind: 'transient', code: '', requestId: '' });
      expect(failure.describe()).toMatch(/^DescribeEipAddresses failed: Code=NetworkError, Message=".*ECONNREFUSED.*", RequestId=none$/);
      expect(recorder.calls).toEqual([{ provider: 'alibaba', action: 'DescribeEipAddresses', code: 'NetworkError' }]);
    } finally {
      provider.close();
    }
  });
});

/** A port that was just free: binding and closing leaves nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
