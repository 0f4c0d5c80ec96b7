import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { perSecond } from '../../../hack/cloud/common/rate-limiter.js';
import { ALIBABA_RATE_LIMITS } from '../../../src/providers/alibaba/alibaba-provider.js';
import type { AllocateRequest } from '../../../src/providers/provider.js';
import { CallRecorder, providerFor, startProviderFixture, type ProviderFixture } from './provider-fixture.js';

describe('AlibabaProvider under the cloud\'s rate limits (system clock)', () => {
  let fixture: ProviderFixture;

  beforeAll(async () => {
    fixture = await startProviderFixture(
      { rateLimits: { DescribeEipAddresses: perSecond(2), AllocateEipAddress: perSecond(120) } },
      { rateLimits: { perSecond: { DescribeEipAddresses: 20 }, defaultPerSecond: 100 }, throttleRetries: 8 },
    );
  });
  afterAll(() => fixture.close());

  it('a throttled reply slows the action down and the call is tried again instead of failing', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => fixture.provider.describeByIds(['eip-any'])));
    expect(results).toEqual(Array.from({ length: 8 }, () => []));
    const { OK: answered, 'Throttling.User': throttled } = fixture.emulator.admin.calls().DescribeEipAddresses!;
    expect(answered).toBe(8);
    // Eight calls sent at 20/s meet a cloud that answers 2/s: some are throttled however slow this machine is
    // (how many, and how many retries came too early, depends on timing).
    expect(throttled).toBeGreaterThanOrEqual(1);
    expect(fixture.recorder.calls.filter((call) => call.code === 'Throttling.User')).toHaveLength(throttled!);
  });

  it('gives up as throttled once the retries are spent', async () => {
    const provider = providerFor(fixture.emulator, { throttleRetries: 1, rateLimits: { perSecond: {}, defaultPerSecond: 100 } });
    fixture.emulator.admin.setFault({ action: 'UnassociateEipAddress', errorCode: 'Throttling.User' });
    try {
      await expect(provider.disassociate('eip-any')).rejects.toMatchObject({ kind: 'throttled', code: 'Throttling.User', action: 'UnassociateEipAddress' });
      expect(fixture.emulator.admin.calls().UnassociateEipAddress).toEqual({ 'Throttling.User': 2 });
    } finally {
      fixture.emulator.admin.clearFaults();
      provider.close();
    }
  });

  it('by default allows the documented 120 allocations per minute as a burst (2 per second on average)', async () => {
    expect(ALIBABA_RATE_LIMITS).toEqual({
      perSecond: { AllocateEipAddress: 2, AssociateEipAddress: 2 },
      defaultPerSecond: 500 / 60,
      burst: { AllocateEipAddress: 120, AssociateEipAddress: 120 },
    });
    const recorder = new CallRecorder();
    const provider = providerFor(fixture.emulator, { rateLimits: ALIBABA_RATE_LIMITS, observer: recorder });
    const request = (clientToken: string): AllocateRequest => ({
      clientToken,
      tags: {},
      allocation: { bandwidthMbps: 5, isp: 'BGP', chargeType: 'PayByTraffic', parameters: {} },
    });
    try {
      const started = Date.now();
      await Promise.all(['a', 'b', 'c', 'd'].map((token) => provider.allocate(request(token))));
      // All four go at once: the bucket holds a minute's worth, not one second's (which would space them 1 s apart: 3 s).
      expect(Date.now() - started).toBeLessThan(2_500);
      expect(recorder.calls.map((call) => call.code)).toEqual(['Success', 'Success', 'Success', 'Success']);
    } finally {
      provider.close();
    }
  });
});
