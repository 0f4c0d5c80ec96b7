/**
 * The emulators' built-in keys, handed to the controller through the environment variables the
 * cloud SDKs' own credential chains read — the same way a real deployment gets them from a Secret.
 */
import { DEFAULT_ALIBABA_CREDENTIALS } from '../cloud/alibaba/index.js';
import { DEFAULT_TENCENT_CREDENTIALS } from '../cloud/tencent/index.js';
import type { SandboxProvider } from './options.js';

export function sandboxCredentials(provider: SandboxProvider): Record<string, string> {
  if (provider === 'tencent') {
    const { secretId, secretKey } = DEFAULT_TENCENT_CREDENTIALS[0]!;
    return { TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: secretKey };
  }
  const { accessKeyId, accessKeySecret } = DEFAULT_ALIBABA_CREDENTIALS[0]!;
  return { ALIBABA_CLOUD_ACCESS_KEY_ID: accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: accessKeySecret };
}
