/**
 * The audit trail of SPEC §12: one info line for every cloud write that costs or frees money
 * (allocate, associate, disassociate, release, and the steps that finish an allocation), with the
 * cloud's action, the address, the claim and the cloud's request id. The provider wrapper knows the
 * address and the claim, the metered call knows the request id; the call's async context joins them.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';
import type { CloudCallObserver } from '../providers/cloud-call-observer.js';
import { isCloudWrite, SUCCESS_CODE } from '../providers/metered-calls.js';
import type { AllocateRequest, AllocateResult, Provider } from '../providers/provider.js';

const AUDITED_METHODS = new Set<PropertyKey>(['allocate', 'associate', 'disassociate', 'release', 'completeAllocation']);

interface SentWrite {
  action: string;
  requestId?: string;
}

export class CloudAudit {
  private readonly sent = new AsyncLocalStorage<SentWrite[]>();

  /** `claimOf`: the `namespace/name` of the claim holding an address, if any. */
  constructor(
    private readonly logger: Logger,
    private readonly claimOf: (addressId: string) => string | undefined = () => undefined,
  ) {}

  /** Passes every call on to `inner`, noting each successful write for the audited call it belongs to. */
  observer(inner: CloudCallObserver): CloudCallObserver {
    return {
      observe: (call) => {
        if (call.code === SUCCESS_CODE && isCloudWrite(call.action)) this.sent.getStore()?.push({ action: call.action, ...(call.requestId ? { requestId: call.requestId } : {}) });
        inner.observe(call);
      },
    };
  }

  /** The same provider; each write method logs the writes the cloud accepted, once it has settled. */
  provider(base: Provider): Provider {
    return new Proxy(base, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (!AUDITED_METHODS.has(property) || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const sent: SentWrite[] = [];
          let result: unknown;
          const call = async () => (result = await (value as (...parameters: unknown[]) => Promise<unknown>).apply(target, args));
          return this.sent.run(sent, call).finally(() => this.log(sent, args, result));
        };
      },
    });
  }

  private log(sent: SentWrite[], args: unknown[], result: unknown): void {
    const [first] = args;
    const addressId = typeof first === 'string' ? first : ((first as { id?: string }).id ?? (result as AllocateResult | undefined)?.addressId);
    const claim = claimNamedBy(first) ?? (addressId ? this.claimOf(addressId) : undefined);
    for (const write of sent) this.logger.info({ audit: true, action: write.action, addressId, claim, requestId: write.requestId }, `cloud ${write.action}`);
  }
}

/** An allocation names its claim in podeip's tags. */
function claimNamedBy(argument: unknown): string | undefined {
  const tags = (argument as Partial<AllocateRequest> | undefined)?.tags;
  return tags?.['podeip.io/namespace'] ? `${tags['podeip.io/namespace']}/${tags['podeip.io/name']}` : undefined;
}
