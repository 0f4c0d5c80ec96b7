/**
 * Builds the provider a `--provider` flag names. Each provider module exports
 * `createProvider(options: ProviderFactoryOptions): Provider`; the Alibaba one (and its SDKs) is
 * loaded only when asked for.
 */
import type { RateLimits } from './action-rate-limiter.js';
import type { CloudCallObserver } from './cloud-call-observer.js';
import type { SendGate } from './metered-calls.js';
import type { Provider, ProviderName } from './provider.js';
import { TencentProvider } from './tencent/tencent-provider.js';

export interface ProviderFactoryOptions {
  region: string;
  /** Endpoint override (emulator / private endpoint), e.g. `http://127.0.0.1:8080`. */
  endpoint?: string;
  observer: CloudCallObserver;
  /** Client-side limits per action; default: the cloud's documented limits. */
  rateLimits?: RateLimits;
  /** The cluster's VPC: pod IPs are looked up there only. */
  vpcId?: string;
  /** Checked as each request is sent, after its rate-limit token and on every retry (the leader write fence). */
  beforeSend?: SendGate;
}

export const PROVIDER_NAMES: ProviderName[] = ['tencent', 'alibaba'];

export async function createProvider(name: ProviderName, options: ProviderFactoryOptions): Promise<Provider> {
  if (name === 'tencent') return new TencentProvider(options);
  const alibaba = await import('./alibaba/index.js');
  return alibaba.createProvider(options);
}
