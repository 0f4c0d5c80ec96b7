/** Entry point create-provider.ts loads for `--provider alibaba`. */
import type { ProviderFactoryOptions } from '../create-provider.js';
import type { Provider } from '../provider.js';
import { AlibabaProvider } from './alibaba-provider.js';

export { ALIBABA_RATE_LIMITS, AlibabaProvider, type AlibabaProviderOptions } from './alibaba-provider.js';

export function createProvider(options: ProviderFactoryOptions): Provider {
  return new AlibabaProvider(options);
}
