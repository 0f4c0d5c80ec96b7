/**
 * Refuses podeip's writes — Kubernetes and cloud — while this replica may not act as leader. A leader
 * that was paused (SIGSTOP, a long GC, a frozen VM) wakes up to watch events and queued work before
 * its elector has noticed the lease is gone; the fence makes those reconciles fail instead of writing
 * next to the new leader. Reads stay open: a standby keeps its caches warm.
 *
 * In dry-run (`podeip run --dry-run`) the fence refuses every write instead, and says once at info
 * level what each would have been: the reconcile that wanted it fails and is retried with backoff, so
 * podeip observes and reports without ever writing.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import { isCloudWrite, type SendGate } from '../providers/metered-calls.js';
import type { Provider } from '../providers/provider.js';

export class NotLeaderError extends Error {
  override name = 'NotLeaderError';
}

/** A write that dry-run kept from being sent: already reported at info, so its reconcile's failure is no warning. */
export class DryRunError extends Error {
  override name = 'DryRunError';
  readonly expected = true;
}

const CLOUD_WRITES = new Set<PropertyKey>(['allocate', 'associate', 'disassociate', 'release', 'completeAllocation', 'tagAddress', 'untagAddress']);

export class WriteFence {
  private readonly reported = new Set<string>();

  /** `dryRun`: refuse every write, telling this logger once per distinct write. */
  constructor(
    private readonly mayWrite: () => boolean,
    private readonly dryRun?: Logger,
  ) {}

  /** Throws NotLeaderError when writes are not allowed now, DryRunError always in dry-run. */
  check(what: string, details: object = {}): void {
    if (this.dryRun) {
      if (!this.reported.has(what)) this.dryRun.info(details, `dry-run: would ${what}`);
      this.reported.add(what);
      throw new DryRunError(`dry-run: did not ${what}`);
    }
    if (!this.mayWrite()) throw new NotLeaderError(`refused ${what}: this replica does not hold the leader lease`);
  }

  /** The same cluster and credentials; every request other than GET first passes the fence. */
  kubeConfig(base: KubeConfig): KubeConfig {
    const fenced = Object.create(base) as KubeConfig;
    fenced.applySecurityAuthentication = async (context) => {
      if (context.getHttpMethod() !== 'GET') this.check(`${context.getHttpMethod()} ${new URL(context.getUrl()).pathname}`);
      return base.applySecurityAuthentication(context);
    };
    return fenced;
  }

  /**
   * For the provider's `beforeSend`: each cloud write request passes the fence as it is sent, since it
   * may have waited for a rate-limit token, or be a provider's retry, long after its call was fenced.
   */
  readonly cloudSendGate: SendGate = (action) => {
    if (isCloudWrite(action)) this.check(`cloud ${action}`);
  };

  /**
   * The same provider; its write methods first pass the fence, so a standby refuses before any cloud
   * read the write would start with (and a provider built without `cloudSendGate` is fenced at all).
   */
  provider(base: Provider): Provider {
    return new Proxy(base, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (!CLOUD_WRITES.has(property) || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          this.check(describeCloudWrite(String(property), args), { action: property, args });
          return (value as (...parameters: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }
}

/** `allocate an address for claim-uid ...`, `associate eip-1`: one line per distinct write. */
function describeCloudWrite(method: string, args: unknown[]): string {
  const [first] = args;
  const addressId = typeof first === 'string' ? first : (first as { id?: unknown } | undefined)?.id;
  if (typeof addressId === 'string') return `cloud ${method} ${addressId}`;
  const tags = (first as { tags?: Record<string, string> } | undefined)?.tags ?? {};
  const claim = tags['podeip.io/namespace'] ? ` for claim ${tags['podeip.io/namespace']}/${tags['podeip.io/name']}` : '';
  return `cloud ${method}${claim}`;
}
