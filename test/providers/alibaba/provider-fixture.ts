/**
 * The Alibaba emulator (with its official-SDK clients, for looking behind the provider's back) and an
 * AlibabaProvider pointed at it through nothing but the endpoint URL and an access-key credential.
 */
import { DEFAULT_ALIBABA_CREDENTIALS, type AlibabaEmulatorOptions } from '../../../hack/cloud/alibaba/index.js';
import type { CloudEmulator } from '../../../hack/cloud/common/cloud-emulator.js';
import type { RateLimits } from '../../../src/providers/action-rate-limiter.js';
import { accessKeyCredential } from '../../../src/providers/alibaba/alibaba-clients.js';
import { AlibabaProvider, type AlibabaProviderOptions } from '../../../src/providers/alibaba/alibaba-provider.js';
import type { CloudCallObserver } from '../../../src/providers/cloud-call-observer.js';
import type { ProviderName } from '../../../src/providers/provider.js';
import { REGION, startAlibabaFixture, type AlibabaFixture } from '../../cloud/alibaba/alibaba-fixture.js';

export { REGION };

/** Loose enough that the emulator's own limits, not the provider's, are what a test meets. */
export const FAST_LIMITS: RateLimits = { perSecond: {}, defaultPerSecond: 1000 };

export interface RecordedCall {
  provider: ProviderName;
  action: string;
  code: string;
}

export class CallRecorder implements CloudCallObserver {
  readonly calls: RecordedCall[] = [];

  observe({ provider, action, code }: RecordedCall & { seconds: number }): void {
    this.calls.push({ provider, action, code });
  }
}

export interface ProviderFixture extends AlibabaFixture {
  provider: AlibabaProvider;
  recorder: CallRecorder;
  close(): Promise<void>;
}

export async function startProviderFixture(
  emulatorOptions: Partial<AlibabaEmulatorOptions> = {},
  providerOptions: Partial<AlibabaProviderOptions> = {},
): Promise<ProviderFixture> {
  const fixture = await startAlibabaFixture(emulatorOptions);
  const recorder = new CallRecorder();
  const provider = providerFor(fixture.emulator, { observer: recorder, ...providerOptions });
  return {
    ...fixture,
    provider,
    recorder,
    close: async () => {
      provider.close();
      await fixture.emulator.close();
    },
  };
}

export function providerFor(emulator: CloudEmulator, options: Partial<AlibabaProviderOptions> = {}): AlibabaProvider {
  const { accessKeyId, accessKeySecret } = DEFAULT_ALIBABA_CREDENTIALS[0]!;
  return new AlibabaProvider({
    region: REGION,
    endpoint: emulator.endpoint,
    credential: accessKeyCredential(accessKeyId, accessKeySecret),
    rateLimits: FAST_LIMITS,
    ...options,
  });
}
