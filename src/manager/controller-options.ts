/** What startController() takes: the CLI fills it from flags; tests and the sandbox fill it directly. */
import type { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import type { Clock } from '../clock/clock.js';
import type { LeaderElectionOptions } from '../leader/index.js';
import type { InformerTuning } from './caches.js';
import type { RateLimits } from '../providers/action-rate-limiter.js';
import type { Provider, ProviderName } from '../providers/provider.js';
import type { PassTiming } from '../egress/pass-schedule.js';

/** Where the Lease lives and, optionally, its timings (default 15 s / 10 s / 2 s as controller-runtime) and clock. */
export type LeaderElectionSettings = Pick<LeaderElectionOptions, 'namespace' | 'name' | 'identity' | 'leaseDurationMs' | 'renewDeadlineMs' | 'retryPeriodMs' | 'clock'>;

export interface ControllerOptions {
  kubeConfig: KubeConfig;
  /** --static-addresses (SPEC §10): `pooled` honours static requests only for addresses a pool that admits the pod lends; default `any`. */
  staticAddresses?: 'any' | 'pooled';
  provider: ProviderName;
  region: string;
  clusterId: string;
  cloudEndpoint?: string;
  /** The pods' VPC; pod IPs are resolved only on its ENIs. Default: any VPC. */
  vpcId?: string;
  /** Client-side cloud rate limits per action; default: the cloud's documented limits. */
  cloudRateLimits?: RateLimits;
  /** Use this provider instead of building one from provider/region/cloudEndpoint. */
  providerInstance?: Provider;
  /** Watch one namespace only; default all. */
  namespace?: string;
  claimExpiredMs?: number;
  enableOwnerRef?: boolean;
  allowAddressTakeover?: boolean;
  maxConcurrentReconciles?: number;
  /** Default `:8080`; `0` disables; `127.0.0.1:0` picks a free loopback port. */
  metricsBindAddress?: string;
  /** Default `:8081`. */
  healthProbeBindAddress?: string;
  leaderElection?: LeaderElectionSettings;
  clock?: Clock;
  logger?: Logger;
  logLevel?: string;
  /** How often every claim is checked against a batched cloud read (R11, R12). Default 60 s. */
  cloudSyncIntervalMs?: number;
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  conflictRetryMs?: number;
  /** R12 grace period. Default 10 min. */
  orphanGraceMs?: number;
  /** In-flight reconciles get this long to finish on stop(). Default 25 s. */
  gracefulShutdownMs?: number;
  /** The informers' watchdog and retry timings; defaults: 5 min quiet limit, 1 s retry, 10 min relist. */
  informers?: InformerTuning;
  /**
   * Observe only: reconcile as usual, but every cloud and Kubernetes write is refused and logged at
   * info ("dry-run: would ..."); leader election is off, since taking the Lease is a write too.
   */
  dryRun?: boolean;
  /**
   * --manage-ip-masq-agent (SPEC §11, Tencent): keep kube-system/ip-masq-agent-config's NonMasqueradeSrcCIDRs
   * listing every Bound pod; the timings of its coalesced writes can be tuned (tests shorten them).
   */
  ipMasqAgent?: Partial<PassTiming>;
  /** --podeip-compat (SPEC §11, Alibaba): write ACK PodEIPs while their CRD is installed. Default on for the alibaba provider. */
  podeipCompat?: boolean;
  /** How often podeip asks whether the PodEIP CRD is installed. Default 30 s. */
  podeipCrdCheckMs?: number;
  /** Called when leadership is lost after having been held (the CLI exits then). */
  onLeadershipLost?: () => void;
}
