/**
 * Refuses podeip's writes — Kubernetes and cloud — while this replica may not act as leader. A leader
 * that was paused (SIGSTOP, a long GC, a frozen VM) wakes up to watch events and queued work before
 * its elector has noticed the lease is gone; the fence makes those reconciles fail instead of writing
 * next to the new leader. Reads stay open: a standby keeps its caches warm.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { isCloudWrite, type SendGate } from '../providers/metered-calls.js';
import type { Provider } from '../providers/provider.js';

export class NotLeaderError extends Error {
  override name = 'NotLeaderError';
}

const CLOUD_WRITES = new Set<PropertyKey>(['allocate', 'associate', 'disassociate', 'release', 'completeAllocation']);

export class WriteFence {
  constructor(private readonly mayWrite: () => boolean) {}

  /** Throws NotLeaderError when writes are not allowed now. */
  check(what: string): void {
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
          this.check(`cloud ${String(property)}`);
          return (value as (...parameters: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }
}
