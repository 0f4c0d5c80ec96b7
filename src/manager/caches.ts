/**
 * The informers podeip runs: trimmed Pods (a change enqueues its key when the pod asks for an address
 * or has a claim; pod-interest.ts), EIPClaims (every change enqueues its key), EIPPools
 * (every change calls onPoolChange with the pool's name) and trimmed Namespaces (read for the pools'
 * namespaceSelectors; a change enqueues nothing).
 */
import type { KubeConfig, V1Namespace, V1Pod } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import { type EIPClaim, keyOf } from '../k8s/eipclaim.js';
import type { EIPPool } from '../k8s/eippool.js';
import { Informer, type InformerOptions, type InformerSource } from '../k8s/informer.js';
import type { KubeApi } from '../k8s/kube-api.js';
import { type PodView, trimPod } from '../k8s/pod-view.js';
import { ListHealth } from './list-health.js';
import { EVERY_POD, type PodInterest } from './pod-interest.js';

/** The slice of a Namespace that podeip reads. */
export interface NamespaceView {
  name: string;
  labels: Record<string, string>;
  resourceVersion: string;
}

export function trimNamespace(namespace: V1Namespace): NamespaceView {
  const metadata = namespace.metadata ?? {};
  return { name: metadata.name ?? '', labels: { ...(metadata.labels ?? {}) }, resourceVersion: metadata.resourceVersion ?? '' };
}

export interface Caches {
  pods: Informer<PodView>;
  claims: Informer<EIPClaim>;
  /** Keyed by pool name (cluster-scoped). */
  pools: Informer<EIPPool>;
  /** Keyed by namespace name. */
  namespaces: Informer<NamespaceView>;
  /** Why the caches are unhealthy (a relist keeps failing), or undefined. */
  health(): string | undefined;
}

/** The informers' watchdog and retry timings (tests shorten them). */
export type InformerTuning = Pick<InformerOptions, 'quietLimitMs' | 'retryDelayMs' | 'relistIntervalMs'>;

export function createCaches(
  kubeConfig: KubeConfig,
  api: KubeApi,
  conditionTypes: string[],
  logger: Logger,
  onChange: (key: string) => void,
  tuning: InformerTuning = {},
  onPoolChange: (name: string) => void = () => undefined,
  interest: PodInterest = EVERY_POD,
): Caches {
  const healths: ListHealth[] = [];
  const informer = <T>(source: InformerSource<T>, changed: (key: string) => void): Informer<T> => {
    const health = new ListHealth(source.watchPath);
    healths.push(health);
    return new Informer<T>(kubeConfig, { ...source, list: health.track(source.list) }, { ...tuning, logger, onChange: changed });
  };
  const pods = informer<PodView>(
    {
      watchPath: api.podWatchPath,
      list: async (pages) => ({ resourceVersion: await api.listPages(api.podWatchPath, pages) }),
      transform: (raw) => interest.retained(trimPod(raw as V1Pod, conditionTypes)),
      keyOf,
      resourceVersionOf: (pod) => pod.resourceVersion,
    },
    // A predicate, as controller-runtime's: a pod that neither asks for an address nor has a claim is no work.
    (key) => {
      const pod = pods.get(key);
      if (claims.get(key) || (pod && interest.asksForAddress(pod))) onChange(key);
    },
  );
  const claims = informer<EIPClaim>(
    {
      watchPath: api.claimWatchPath,
      list: async (pages) => ({ resourceVersion: await api.listPages(api.claimWatchPath, pages) }),
      transform: (raw) => raw as EIPClaim,
      keyOf: (claim) => keyOf(claim.metadata),
      resourceVersionOf: (claim) => claim.metadata.resourceVersion,
    },
    onChange,
  );
  const pools = informer<EIPPool>(
    {
      watchPath: api.poolWatchPath,
      list: async (pages) => ({ resourceVersion: await api.listPages(api.poolWatchPath, pages) }),
      transform: (raw) => raw as EIPPool,
      keyOf: (pool) => pool.metadata.name,
      resourceVersionOf: (pool) => pool.metadata.resourceVersion,
    },
    onPoolChange,
  );
  const namespaces = informer<NamespaceView>(
    {
      watchPath: api.namespaceWatchPath,
      list: async (pages) => ({ resourceVersion: await api.listPages(api.namespaceWatchPath, pages) }),
      transform: (raw) => trimNamespace(raw as V1Namespace),
      keyOf: (namespace) => namespace.name,
      resourceVersionOf: (namespace) => namespace.resourceVersion,
    },
    () => undefined,
  );
  return { pods, claims, pools, namespaces, health: () => healths.map((health) => health.problem()).find((problem) => problem !== undefined) };
}
