import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CloudEmulator } from '../../hack/cloud/common/cloud-emulator.js';
import { AlibabaProvider } from '../../src/providers/alibaba/alibaba-provider.js';
import type { Provider } from '../../src/providers/provider.js';
import { TencentProvider } from '../../src/providers/tencent/tencent-provider.js';
import { startAlibabaFixture, type AlibabaFixture } from '../cloud/alibaba/alibaba-fixture.js';
import { startTencentFixture, type TencentFixture } from '../cloud/tencent/tencent-fixture.js';
import { CallRecorder, FAST_LIMITS } from './alibaba/provider-fixture.js';
import { failureOf } from '../support/cloud-failure.js';

/**
 * Issue 14 item 17: when the SDK has no credentials it fails before sending (Alibaba's chain
 * throws) or would sign with an empty key (Tencent's chain ends in one). Either way podeip reports
 * `MissingCredentials`, kind auth, not a network error, and nothing reaches the cloud.
 */
describe('no cloud credentials: auth / MissingCredentials, never NetworkError', () => {
  let tencent: TencentFixture;
  let alibaba: AlibabaFixture;
  let home: string;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'podeip-no-credentials-'));
    for (const name of Object.keys(process.env)) if (/^(ALIBABA_CLOUD_|ALICLOUD_|TENCENTCLOUD_|TKE_)/.test(name)) delete process.env[name];
    // The chains' file and metadata-server steps find nothing on any machine.
    Object.assign(process.env, { HOME: home, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true', ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true' });
    [tencent, alibaba] = await Promise.all([startTencentFixture({ rateLimits: false }), startAlibabaFixture()]);
  });
  afterAll(async () => {
    process.env = savedEnv;
    rmSync(home, { recursive: true, force: true });
    await Promise.all([tencent.close(), alibaba.emulator.close()]);
  });

  async function expectMissingCredentials(provider: Provider, recorder: CallRecorder, action: string, emulator: CloudEmulator): Promise<void> {
    const received = emulator.admin.calls();
    try {
      const failure = await failureOf(provider.describeByIds(['eip-00000000']));
      expect({ kind: failure.kind, code: failure.code, retryable: failure.retryable, action: failure.action }).toEqual({
        kind: 'auth',
        code: 'MissingCredentials',
        retryable: false,
        action,
      });
      expect(failure.describe()).toMatch(new RegExp(`^${action} failed: Code=MissingCredentials, Message="no cloud credentials: .+", RequestId=none$`));
      expect(recorder.calls).toEqual([{ provider: provider.name, action, code: 'MissingCredentials' }]);
      expect(emulator.admin.calls()).toEqual(received);
    } finally {
      provider.close();
    }
  }

  it('Tencent with an empty SecretId', async () => {
    const recorder = new CallRecorder();
    const provider = new TencentProvider({
      region: 'ap-guangzhou',
      endpoint: tencent.emulator.endpoint,
      rateLimits: FAST_LIMITS,
      observer: recorder,
      credential: { secretId: '', secretKey: '' },
    });
    await expectMissingCredentials(provider, recorder, 'DescribeAddresses', tencent.emulator);
  });

  it('Alibaba with nothing for the default credential chain to find', async () => {
    const recorder = new CallRecorder();
    const provider = new AlibabaProvider({ region: 'cn-hangzhou', endpoint: alibaba.emulator.endpoint, rateLimits: FAST_LIMITS, observer: recorder });
    await expectMissingCredentials(provider, recorder, 'DescribeEipAddresses', alibaba.emulator);
  });
});
