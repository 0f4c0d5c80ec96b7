/**
 * Where podeip finds its cluster: `--kubeconfig`, else the in-cluster ServiceAccount, else
 * `$KUBECONFIG`, else `~/.kube/config`. Finding none is a start-up error (exit 1), not client-node's
 * silent fallback to http://localhost:8080.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { FlagError } from './flag-parser.js';
import { StartupError } from './startup-error.js';

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export function loadKubeConfig(path: string | undefined): KubeConfig {
  const config = new KubeConfig();
  try {
    if (path) config.loadFromFile(path);
    else if (process.env.KUBERNETES_SERVICE_HOST && existsSync(SERVICE_ACCOUNT_TOKEN)) config.loadFromCluster();
    else if (defaultKubeconfigFiles().some(existsSync)) config.loadFromDefault();
    else throw new StartupError(`no kubeconfig: not in a cluster (no ServiceAccount token at ${SERVICE_ACCOUNT_TOKEN}), $KUBECONFIG unset and ~/.kube/config missing; pass --kubeconfig`);
  } catch (error) {
    if (error instanceof StartupError) throw error;
    const problem = `cannot load the kubeconfig${path ? ` ${path}` : ''}: ${(error as Error).message.split('\n')[0]}`;
    // A --kubeconfig that cannot be read is a bad flag value (exit 2, SPEC §8); a default one that is broken is a start-up failure.
    throw path ? new FlagError(problem) : new StartupError(problem);
  }
  return config;
}

function defaultKubeconfigFiles(): string[] {
  const fromEnv = (process.env.KUBECONFIG ?? '').split(delimiter).filter(Boolean);
  return fromEnv.length > 0 ? fromEnv : [join(homedir(), '.kube', 'config')];
}
