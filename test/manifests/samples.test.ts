import { join } from 'node:path';
import { manifestFilesIn } from '../../hack/sandbox/apply-manifests.js';
import { CONFIG_DIR, onlyObject, renderKustomization, type ManifestObject } from './config-tree.js';

interface PodTemplate {
  metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
  spec: {
    readinessGates?: Array<{ conditionType: string }>;
    volumes?: Array<{ downwardAPI?: { items: Array<{ path: string; fieldRef: { fieldPath: string } }> } }>;
  };
}
const templateOf = (object: ManifestObject) => (object.spec as { template: PodTemplate }).template;
const replicasOf = (object: ManifestObject) => (object.spec as { replicas: number }).replicas;

describe.each([
  {
    provider: 'tencent',
    folder: 'samples',
    annotations: {
      'tke.cloud.tencent.com/eip-attributes': '{"Bandwidth":"10"}',
      'tke.cloud.tencent.com/eip-claim-delete-policy': 'Never',
    },
    gate: 'podeip.io/eip-bound',
    publicIpAnnotation: 'tke.cloud.tencent.com/eip-public-ip',
  },
  {
    provider: 'alibaba',
    folder: 'samples/alibaba',
    annotations: {
      'k8s.aliyun.com/pod-with-eip': 'true',
      'k8s.aliyun.com/eip-bandwidth': '10',
      'k8s.aliyun.com/pod-eip-release-strategy': 'Never',
    },
    gate: 'k8s.aliyun.com/eip',
    publicIpAnnotation: 'k8s.aliyun.com/allocated-eipAddress',
  },
])('$provider samples', ({ folder, annotations, gate, publicIpAnnotation }) => {
  let objects: ManifestObject[];
  beforeAll(() => {
    objects = renderKustomization(join(CONFIG_DIR, folder));
  });

  it('are a StatefulSet game and a Deployment web, the files podeip sandbox applies', async () => {
    expect(objects.map((object) => `${object.kind}/${object.metadata.name}`)).toEqual(['Deployment/web', 'StatefulSet/game']);
    expect(await manifestFilesIn(join(CONFIG_DIR, folder))).toEqual([
      join(CONFIG_DIR, folder, 'game-statefulset.yaml'),
      join(CONFIG_DIR, folder, 'web-deployment.yaml'),
    ]);
  });

  it('game asks for an EIP kept across re-creation and becomes Ready only once it is bound', () => {
    const game = onlyObject(objects, 'StatefulSet', 'game');
    expect(replicasOf(game)).toBe(2);
    expect(templateOf(game).metadata.annotations).toEqual(annotations);
    expect(templateOf(game).spec.readinessGates).toEqual([{ conditionType: gate }]);
  });

  it('game reads its public IP through a downward-API volume', () => {
    expect(templateOf(onlyObject(objects, 'StatefulSet', 'game')).spec.volumes).toEqual([
      {
        name: 'public-ip',
        downwardAPI: { items: [{ path: 'public-ip', fieldRef: { fieldPath: `metadata.annotations['${publicIpAnnotation}']` } }] },
      },
    ]);
  });

  it('web asks for nothing', () => {
    const web = onlyObject(objects, 'Deployment', 'web');
    expect(templateOf(web).metadata.annotations).toBeUndefined();
    expect(templateOf(web).spec.readinessGates).toBeUndefined();
  });

  it('leave the namespace to whoever applies them', () => {
    expect(objects.map((object) => object.metadata.namespace)).toEqual([undefined, undefined]);
  });
});
