import type { ProviderName } from './provider.js';

/** Told about every cloud request a provider makes (metrics hang off this). */
export interface CloudCallObserver {
  /**
   * `requestId`: the cloud's id for the request, when it answered with one. `undocumented`: the code
   * is in none of the provider's error tables (it was retried as transient).
   */
  observe(call: { provider: ProviderName; action: string; code: string; seconds: number; requestId?: string; undocumented?: boolean }): void;
}

export const ignoreCloudCalls: CloudCallObserver = { observe: () => undefined };
