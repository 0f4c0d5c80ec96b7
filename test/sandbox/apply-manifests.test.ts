import { resolve } from 'node:path';
import { ApiextensionsV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { startKubeApiServer, type KubeApiServer } from '../../hack/kube-apiserver/index.js';
import { applyManifestFiles } from '../../hack/sandbox/apply-manifests.js';

describe('applying the EIPClaim CRD as the sandbox does', () => {
  let server: KubeApiServer;

  beforeAll(async () => {
    server = await startKubeApiServer();
    await applyManifestFiles(server.kubeConfig(), [resolve('crds/podeip.io_eipclaims.yaml')]);
  });
  afterAll(() => server.close());

  it('keeps the x-kubernetes-* schema keys, so provider parameters are not pruned', async () => {
    const crd = await server.kubeConfig().makeApiClient(ApiextensionsV1Api).readCustomResourceDefinition({ name: 'eipclaims.podeip.io' });
    const allocation = crd.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!.properties!.allocation!;
    expect(allocation.properties!.parameters!.x_kubernetes_preserve_unknown_fields).toBe(true);

    const custom = server.kubeConfig().makeApiClient(CustomObjectsApi);
    const claim = {
      apiVersion: 'podeip.io/v1alpha1',
      kind: 'EIPClaim',
      metadata: { name: 'web-0', namespace: 'default' },
      spec: {
        provider: 'tencent',
        deletePolicy: 'Never',
        allocation: { bandwidthMbps: 10, isp: 'BGP', chargeType: 'TRAFFIC_POSTPAID_BY_HOUR', parameters: { AddressName: 'web', Egress: 'center_egress1' } },
      },
    };
    const created = (await custom.createNamespacedCustomObject({ group: 'podeip.io', version: 'v1alpha1', namespace: 'default', plural: 'eipclaims', body: claim })) as typeof claim;
    expect(created.spec.allocation.parameters).toEqual({ AddressName: 'web', Egress: 'center_egress1' });
  });

  it('merges into objects that already exist instead of failing', async () => {
    const [again] = await applyManifestFiles(server.kubeConfig(), [resolve('config/samples/web-deployment.yaml')]);
    const [merged] = await applyManifestFiles(server.kubeConfig(), [resolve('config/samples/web-deployment.yaml')]);
    expect(merged!.metadata!.uid).toBe(again!.metadata!.uid);
  });
});
