/**
 * One cloud request as every provider makes it: wait for the action's rate-limit token, pass the
 * send gate, send, classify a failure into a CloudError (slowing the action down when throttled),
 * and report the action, result code and latency to the observer.
 */
import type { ActionRateLimiter } from './action-rate-limiter.js';
import { isCloudError, type CloudError } from './cloud-error.js';
import { type CloudCallObserver, ignoreCloudCalls } from './cloud-call-observer.js';
import type { ProviderName } from './provider.js';

export const SUCCESS_CODE = 'Success';

/**
 * Asked right before each request goes out — after its rate-limit token, again on every retry — so
 * a decision taken when the call was made (e.g. "this replica leads") is re-checked when it is sent.
 * Throwing keeps the request from being sent; the error reaches the caller as thrown.
 */
export type SendGate = (action: string) => void;

/** What a provider passes on from its options to its metered calls. */
export interface CallHooks {
  observer?: CloudCallObserver;
  beforeSend?: SendGate;
}

/** Every action podeip sends is a Describe* read or a write (allocate, bind, unbind, release, join/leave a bandwidth package). */
export function isCloudWrite(action: string): boolean {
  return !action.startsWith('Describe');
}

export class MeteredCalls {
  private readonly observer: CloudCallObserver;
  private readonly beforeSend: SendGate;

  constructor(
    private readonly provider: ProviderName,
    private readonly limiter: ActionRateLimiter,
    hooks: CallHooks,
    private readonly classify: (action: string, error: unknown) => CloudError,
  ) {
    this.observer = hooks.observer ?? ignoreCloudCalls;
    this.beforeSend = hooks.beforeSend ?? (() => undefined);
  }

  /** `run`, trying a throttled call again (each time after the slowed-down limiter lets it go) up to `retries` times. */
  async runRetryingThrottled<T>(action: string, send: () => Promise<T>, retries: number): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.run(action, send);
      } catch (error) {
        if (!(isCloudError(error) && error.kind === 'throttled' && attempt < retries)) throw error;
      }
    }
  }

  async run<T>(action: string, send: () => Promise<T>): Promise<T> {
    await this.limiter.acquire(action);
    this.beforeSend(action);
    const started = process.hrtime.bigint();
    let code = SUCCESS_CODE;
    let requestId: string | undefined;
    let undocumented = false;
    try {
      const reply = await send();
      requestId = requestIdOf(reply);
      return reply;
    } catch (error) {
      const failure = this.classify(action, error);
      code = failure.code || 'NetworkError';
      undocumented = failure.undocumented;
      requestId = failure.requestId || undefined;
      if (failure.kind === 'throttled') this.limiter.throttled(action);
      throw failure;
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.observer.observe({ provider: this.provider, action, code, seconds, undocumented, ...(requestId ? { requestId } : {}) });
    }
  }
}

/** Tencent replies carry `RequestId`, Alibaba reply bodies `requestId`. */
function requestIdOf(reply: unknown): string | undefined {
  const fields = reply as { RequestId?: unknown; requestId?: unknown } | null | undefined;
  const id = fields?.RequestId ?? fields?.requestId;
  return typeof id === 'string' ? id : undefined;
}
