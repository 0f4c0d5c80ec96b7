/** A kubeconfig for the local server: plain http, which client-node accepts only with insecure-skip-tls-verify. */
import { stringify } from 'yaml';

export const LOCAL_USER = 'admin';

export function kubeconfigYaml(serverUrl: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'local', cluster: { server: serverUrl, 'insecure-skip-tls-verify': true } }],
    users: [{ name: LOCAL_USER, user: { token: LOCAL_USER } }],
    contexts: [{ name: 'local', context: { cluster: 'local', user: LOCAL_USER, namespace: 'default' } }],
    'current-context': 'local',
    preferences: {},
  });
}
