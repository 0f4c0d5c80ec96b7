/** Everything the lifecycle reconciler works with, assembled once by the manager. */
import type { Logger } from 'pino';
import type { AnnotationDialect } from '../annotations/claim-request.js';
import type { RetryPolicy } from '../controller/retry-policy.js';
import type { Clock } from '../clock/clock.js';
import type { EIPClaim } from '../k8s/eipclaim.js';
import type { EventRecorder } from '../k8s/event-recorder.js';
import type { Informer } from '../k8s/informer.js';
import type { KubeApi } from '../k8s/kube-api.js';
import type { PodView } from '../k8s/pod-view.js';
import type { Provider } from '../providers/provider.js';
import type { ControllerMetrics } from '../telemetry/metrics.js';
import type { PoolBook } from '../pools/pool-book.js';
import type { AddressBook } from './address-book.js';

export interface LifecycleSettings {
  clusterId: string;
  /** Set when podeip watches one namespace: it then owns only addresses tagged with that namespace. */
  namespace?: string;
  /** --claim-expired-duration; undefined = retained claims never expire (unless the claim says so). */
  claimExpiredMs?: number;
  enableOwnerRef: boolean;
  allowAddressTakeover: boolean;
  /** Every wait between two tries. */
  retry: RetryPolicy;
  /** Orphan grace period (R12). */
  orphanGraceMs: number;
  /** --static-addresses: `pooled` honours a static request only for an address a pool that admits the pod lends (SPEC §10). */
  staticAddresses: 'any' | 'pooled';
}

export interface LifecycleContext {
  api: KubeApi;
  pods: Informer<PodView>;
  claims: Informer<EIPClaim>;
  provider: Provider;
  addresses: AddressBook;
  dialect: AnnotationDialect;
  events: EventRecorder;
  clock: Clock;
  metrics: ControllerMetrics;
  settings: LifecycleSettings;
  pools: PoolBook;
  /** Asks the pool reconciler to look at a pool now (a claim waits on it, or returned an address). */
  wakePool(name: string): void;
  /** Told of every claim status podeip writes or confirms, before the caller goes on (SPEC §11: a PodEIP is written before the pod's outputs). */
  afterClaimStatus?(claim: EIPClaim): Promise<void>;
}

export interface ReconcileScope {
  key: string;
  logger: Logger;
}
