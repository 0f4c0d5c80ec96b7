/**
 * kube-system/ip-masq-agent-config, the only ConfigMap podeip reads or writes (its RBAC names it):
 * read with a GET, written with a merge patch that carries the resourceVersion it was read at, so a
 * change made in between is refused (409) instead of overwritten. podeip never creates it.
 */
import { CoreV1Api, type KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { httpStatusOf } from '../k8s/kube-api.js';
import { formatTracked, parseTracked } from './non-masquerade-src-cidrs.js';

export const IP_MASQ_AGENT_NAMESPACE = 'kube-system';
export const IP_MASQ_AGENT_CONFIGMAP = 'ip-masq-agent-config';
/** The NonMasqueradeSrcCIDRs entries podeip added (a JSON list): the others are the user's. */
export const TRACKED_ANNOTATION = 'podeip.io/non-masquerade-src-cidrs';

const MERGE = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

export interface MasqAgentConfig {
  resourceVersion: string;
  configText: string | undefined;
  tracked: string[];
}

export class StaleConfigError extends Error {
  override name = 'StaleConfigError';
}

export class IpMasqAgentConfigMap {
  private readonly core: CoreV1Api;

  constructor(kubeConfig: KubeConfig) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
  }

  /** Undefined when the ConfigMap does not exist. */
  async read(): Promise<MasqAgentConfig | undefined> {
    try {
      const configMap = await this.core.readNamespacedConfigMap({ namespace: IP_MASQ_AGENT_NAMESPACE, name: IP_MASQ_AGENT_CONFIGMAP });
      return {
        resourceVersion: configMap.metadata?.resourceVersion ?? '',
        configText: configMap.data?.config,
        tracked: parseTracked(configMap.metadata?.annotations?.[TRACKED_ANNOTATION]),
      };
    } catch (error) {
      if (httpStatusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** Throws StaleConfigError when the ConfigMap changed since `resourceVersion` was read. */
  async write(resourceVersion: string, configText: string, tracked: string[]): Promise<void> {
    const body = { metadata: { resourceVersion, annotations: { [TRACKED_ANNOTATION]: formatTracked(tracked) } }, data: { config: configText } };
    try {
      await this.core.patchNamespacedConfigMap({ namespace: IP_MASQ_AGENT_NAMESPACE, name: IP_MASQ_AGENT_CONFIGMAP, body }, MERGE);
    } catch (error) {
      if (httpStatusOf(error) === 409) throw new StaleConfigError(`${IP_MASQ_AGENT_NAMESPACE}/${IP_MASQ_AGENT_CONFIGMAP} changed since it was read`);
      throw error;
    }
  }
}
