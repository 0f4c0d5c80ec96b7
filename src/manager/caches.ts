/** The two informers podeip runs: trimmed Pods and EIPClaims; every change enqueues its key. */
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import { type EIPClaim, keyOf } from '../k8s/eipclaim.js';
import { Informer, type InformerOptions } from '../k8s/informer.js';
import type { KubeApi } from '../k8s/kube-api.js';
import { type PodView, trimPod } from '../k8s/pod-view.js';
import { ListHealth } from './list-health.js';

export interface Caches {
  pods: Informer<PodView>;
  claims: Informer<EIPClaim>;
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
): Caches {
  const podHealth = new ListHealth(api.podWatchPath);
  const claimHealth = new ListHealth(api.claimWatchPath);
  const pods = new Informer<PodView>(
    kubeConfig,
    {
      watchPath: api.podWatchPath,
      list: podHealth.track(() => api.listPods()),
      transform: (raw) => trimPod(raw as V1Pod, conditionTypes),
      keyOf,
      resourceVersionOf: (pod) => pod.resourceVersion,
    },
    { ...tuning, logger, onChange },
  );
  const claims = new Informer<EIPClaim>(
    kubeConfig,
    {
      watchPath: api.claimWatchPath,
      list: claimHealth.track(() => api.listClaims()),
      transform: (raw) => raw as EIPClaim,
      keyOf: (claim) => keyOf(claim.metadata),
      resourceVersionOf: (claim) => claim.metadata.resourceVersion,
    },
    { ...tuning, logger, onChange },
  );
  return { pods, claims, health: () => podHealth.problem() ?? claimHealth.problem() };
}
