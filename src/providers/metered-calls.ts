/**
 * One cloud request as every provider makes it: wait for the action's rate-limit token, send,
 * classify a failure into a CloudError (slowing the action down when throttled), and report the
 * action, result code and latency to the observer.
 */
import type { ActionRateLimiter } from './action-rate-limiter.js';
import type { CloudError } from './cloud-error.js';
import type { CloudCallObserver } from './cloud-call-observer.js';
import type { ProviderName } from './provider.js';

export const SUCCESS_CODE = 'Success';

export class MeteredCalls {
  constructor(
    private readonly provider: ProviderName,
    private readonly limiter: ActionRateLimiter,
    private readonly observer: CloudCallObserver,
    private readonly classify: (action: string, error: unknown) => CloudError,
  ) {}

  async run<T>(action: string, send: () => Promise<T>): Promise<T> {
    await this.limiter.acquire(action);
    const started = process.hrtime.bigint();
    let code = SUCCESS_CODE;
    try {
      return await send();
    } catch (error) {
      const failure = this.classify(action, error);
      code = failure.code || 'NetworkError';
      if (failure.kind === 'throttled') this.limiter.throttled(action);
      throw failure;
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.observer.observe({ provider: this.provider, action, code, seconds });
    }
  }
}
