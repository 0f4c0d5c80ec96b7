/** The two informers podeip runs: trimmed Pods and EIPClaims; every change enqueues its key. */
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import { type EIPClaim, keyOf } from '../k8s/eipclaim.js';
import { Informer } from '../k8s/informer.js';
import type { KubeApi } from '../k8s/kube-api.js';
import { type PodView, trimPod } from '../k8s/pod-view.js';

export interface Caches {
  pods: Informer<PodView>;
  claims: Informer<EIPClaim>;
}

export function createCaches(kubeConfig: KubeConfig, api: KubeApi, conditionTypes: string[], logger: Logger, onChange: (key: string) => void): Caches {
  const pods = new Informer<PodView>(
    kubeConfig,
    {
      watchPath: api.podWatchPath,
      list: () => api.listPods(),
      transform: (raw) => trimPod(raw as V1Pod, conditionTypes),
      keyOf,
      resourceVersionOf: (pod) => pod.resourceVersion,
    },
    { logger, onChange },
  );
  const claims = new Informer<EIPClaim>(
    kubeConfig,
    {
      watchPath: api.claimWatchPath,
      list: () => api.listClaims(),
      transform: (raw) => raw as EIPClaim,
      keyOf: (claim) => keyOf(claim.metadata),
      resourceVersionOf: (claim) => claim.metadata.resourceVersion,
    },
    { logger, onChange },
  );
  return { pods, claims };
}
