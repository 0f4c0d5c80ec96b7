/** A local API server for one test file: started before its tests, closed after them, with client-node APIs. */
import { AppsV1Api, CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { startKubeApiServer, type KubeApiServer, type KubeApiServerOptions } from '../../hack/kube-apiserver/index.js';

export interface LocalServer {
  server: KubeApiServer;
  core: CoreV1Api;
  apps: AppsV1Api;
  custom: CustomObjectsApi;
}

export function useLocalServer(options?: KubeApiServerOptions): LocalServer {
  const local = {} as LocalServer;
  beforeAll(async () => {
    local.server = await startKubeApiServer(options);
    const config = local.server.kubeConfig();
    local.core = config.makeApiClient(CoreV1Api);
    local.apps = config.makeApiClient(AppsV1Api);
    local.custom = config.makeApiClient(CustomObjectsApi);
  });
  afterAll(() => local.server.close());
  return local;
}
