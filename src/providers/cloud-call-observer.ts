import type { ProviderName } from './provider.js';

/** Told about every cloud request a provider makes (metrics hang off this). */
export interface CloudCallObserver {
  observe(call: { provider: ProviderName; action: string; code: string; seconds: number }): void;
}

export const ignoreCloudCalls: CloudCallObserver = { observe: () => undefined };
