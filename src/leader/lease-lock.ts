import { CoordinationV1Api, type KubeConfig, type V1Lease } from '@kubernetes/client-node';
import { leaseSpecFromRecord, recordFromLease, type LeaderRecord } from './leader-record.js';

/** A Lease as last read or written, with the resourceVersion that makes the next update conditional. */
export interface ObservedLease {
  record: LeaderRecord;
  resourceVersion: string;
}

/** Reads and writes one coordination.k8s.io/v1 Lease; API errors (ApiException with `.code`) propagate. */
export class LeaseLock {
  private readonly api: CoordinationV1Api;

  constructor(
    kubeConfig: KubeConfig,
    readonly namespace: string,
    readonly name: string,
  ) {
    this.api = kubeConfig.makeApiClient(CoordinationV1Api);
  }

  /** The current lease, or undefined when it does not exist yet. */
  async get(): Promise<ObservedLease | undefined> {
    try {
      return observed(await this.api.readNamespacedLease({ name: this.name, namespace: this.namespace }));
    } catch (error) {
      if (statusCodeOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** Creates the lease; a concurrent creator makes this fail with 409 AlreadyExists. */
  async create(record: LeaderRecord): Promise<ObservedLease> {
    const body: V1Lease = { metadata: { name: this.name, namespace: this.namespace }, spec: leaseSpecFromRecord(record) };
    return observed(await this.api.createNamespacedLease({ namespace: this.namespace, body }));
  }

  /** Replaces the lease only if it is still at `resourceVersion`; otherwise the API server answers 409 Conflict. */
  async update(record: LeaderRecord, resourceVersion: string): Promise<ObservedLease> {
    const body: V1Lease = {
      metadata: { name: this.name, namespace: this.namespace, resourceVersion },
      spec: leaseSpecFromRecord(record),
    };
    return observed(await this.api.replaceNamespacedLease({ name: this.name, namespace: this.namespace, body }));
  }
}

function observed(lease: V1Lease): ObservedLease {
  return { record: recordFromLease(lease), resourceVersion: lease.metadata?.resourceVersion ?? '' };
}

export function statusCodeOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}
