import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CloudError } from '../../../src/providers/cloud-error.js';
import { ControllerMetrics } from '../../../src/telemetry/metrics.js';
import { EMPTY_METRICS_SOURCES } from '../../support/empty-metrics-sources.js';
import { providerFor, startProviderFixture, type ProviderFixture } from './provider-fixture.js';

/** Issue 9 item 1: a code in none of the documented tables is retried as transient and counted, per provider, action and code. */
describe('podeip_cloud_unknown_errors_total', () => {
  let fixture: ProviderFixture;
  const metrics = new ControllerMetrics(EMPTY_METRICS_SOURCES);

  beforeAll(async () => {
    fixture = await startProviderFixture({}, { throttleRetries: 0 });
  });
  afterAll(() => fixture.close());

  async function describeFailingWith(code: string): Promise<CloudError> {
    const provider = providerFor(fixture.emulator, { observer: metrics.cloudCallObserver(), throttleRetries: 0 });
    fixture.emulator.admin.setFault({ action: 'DescribeEipAddresses', errorCode: code, errorMessage: `injected ${code}` });
    try {
      return await provider.describeByIds(['eip-any']).then(
        () => Promise.reject(new Error('expected the call to fail')),
        (error: unknown) => (error instanceof CloudError ? error : Promise.reject(error)),
      );
    } finally {
      fixture.emulator.admin.clearFaults();
    }
  }

  async function unknownCount(): Promise<string> {
    return (await metrics.registry.getSingleMetricAsString('podeip_cloud_unknown_errors_total')).split('\n').filter((line) => !line.startsWith('#')).join('\n');
  }

  it('counts an undocumented code, retried as transient, and not a documented one', async () => {
    const unknown = await describeFailingWith('Brand.NewCode');
    const documented = await describeFailingWith('Throttling.User');
    expect([unknown.kind, unknown.undocumented, unknown.retryable, documented.kind, documented.undocumented]).toEqual(['transient', true, true, 'throttled', false]);
    expect(await unknownCount()).toBe('podeip_cloud_unknown_errors_total{provider="alibaba",action="DescribeEipAddresses",code="Brand.NewCode"} 1');
  });
});
