/** A Tencent emulator without rate limits and a provider for it, for unit tests of what sits on top of a provider. */
import { DEFAULT_TENCENT_CREDENTIALS, startTencentEmulator, type TransitionDelays } from '../../../hack/cloud/tencent/index.js';
import type { CloudEmulator } from '../../../hack/cloud/common/index.js';
import { PodNetwork } from '../../../hack/network/pod-network.js';
import { TencentProvider } from '../../../src/providers/tencent/tencent-provider.js';

export interface TencentCloud {
  emulator: CloudEmulator;
  provider: TencentProvider;
  /** DescribeAddresses calls the emulator has answered or refused so far. */
  describeCalls(): number;
  close(): Promise<void>;
}

export async function startTencentCloud(seed: number, delaysMs: Partial<TransitionDelays> = {}): Promise<TencentCloud> {
  Object.assign(process.env, {
    TENCENTCLOUD_SECRET_ID: DEFAULT_TENCENT_CREDENTIALS[0]!.secretId,
    TENCENTCLOUD_SECRET_KEY: DEFAULT_TENCENT_CREDENTIALS[0]!.secretKey,
  });
  const emulator = await startTencentEmulator({ network: new PodNetwork({ seed }), rateLimits: false, delaysMs });
  const provider = new TencentProvider({ region: 'ap-guangzhou', endpoint: emulator.endpoint, rateLimits: { perSecond: {}, defaultPerSecond: 1000 } });
  return {
    emulator,
    provider,
    describeCalls: () => Object.values(emulator.admin.calls().DescribeAddresses ?? {}).reduce((sum, count) => sum + count, 0),
    close: async () => {
      provider.close();
      await emulator.close();
    },
  };
}
