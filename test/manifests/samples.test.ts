import { join } from 'node:path';
import { CrdSchema } from '../../hack/kube-apiserver/crd-schema.js';
import { manifestFilesIn } from '../../hack/sandbox/apply-manifests.js';
import type { EIPPool } from '../../src/k8s/eippool.js';
import { selectorProblem } from '../../src/k8s/label-selector.js';
import { CONFIG_DIR, onlyObject, parseYamlFile, renderKustomization, type ManifestObject } from './config-tree.js';

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
    pool: ['Deployment/lobby', 'EIPPool/game-eu'],
    poolFile: ['pool-deployment.yaml'],
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
    pool: [],
    poolFile: [],
  },
])('$provider samples', ({ folder, annotations, gate, publicIpAnnotation, pool, poolFile }) => {
  let objects: ManifestObject[];
  beforeAll(() => {
    objects = renderKustomization(join(CONFIG_DIR, folder));
  });

  it('are a StatefulSet game and a Deployment web (Tencent: and the pool sample), the files podeip sandbox applies', async () => {
    expect(objects.map((object) => `${object.kind}/${object.metadata.name}`).sort()).toEqual(['Deployment/web', 'StatefulSet/game', ...pool].sort());
    expect(await manifestFilesIn(join(CONFIG_DIR, folder))).toEqual(
      ['game-statefulset.yaml', ...poolFile, 'web-deployment.yaml'].map((file) => join(CONFIG_DIR, folder, file)),
    );
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
    expect(objects.map((object) => object.metadata.namespace)).toEqual(objects.map(() => undefined));
  });
});

describe('the pool sample (config/samples/pool-deployment.yaml)', () => {
  let objects: ManifestObject[];
  beforeAll(() => {
    objects = renderKustomization(join(CONFIG_DIR, 'samples'));
  });
  const pool = () => onlyObject(objects, 'EIPPool', 'game-eu') as unknown as EIPPool;
  const lobby = () => onlyObject(objects, 'Deployment', 'lobby');

  it('is a pool of at most 6 owned addresses, 2 of them kept warm, open to every namespace', () => {
    expect(pool().apiVersion).toBe('podeip.io/v1alpha1');
    expect(pool().spec).toEqual({
      allocation: { parameters: { bandwidthMbps: 10, isp: 'BGP', chargeType: 'TRAFFIC_POSTPAID_BY_HOUR' }, minAvailable: 2, maxSize: 6 },
      namespaceSelector: {},
      reclaimPolicy: 'Delete',
    });
  });

  it('is valid against the EIPPool CRD schema and its selector is well-formed', () => {
    const [crd] = parseYamlFile('crds/podeip.io_eippools.yaml') as Array<{ spec: { versions: Array<{ schema: { openAPIV3Schema: object } }> } }>;
    const schema = new CrdSchema(crd!.spec.versions[0]!.schema.openAPIV3Schema);
    expect(schema.prune(pool()).pruned).toEqual([]);
    expect(schema.violations(pool())).toEqual([]);
    expect(selectorProblem(pool().spec.namespaceSelector)).toBeUndefined();
  });

  it('is used by a Deployment of 4 whose pods ask for it by name and are Ready only once bound', () => {
    expect(replicasOf(lobby())).toBe(4);
    expect(templateOf(lobby()).metadata.annotations).toEqual({ 'podeip.io/pool': 'game-eu' });
    expect(templateOf(lobby()).spec.readinessGates).toEqual([{ conditionType: 'podeip.io/eip-bound' }]);
  });

  it('rolls out one surge pod at a time and stops an old pod only once its successor is Ready, within the pool', () => {
    const strategy = (lobby().spec as { strategy: { type: string; rollingUpdate: { maxSurge: number; maxUnavailable: number } } }).strategy;
    expect(strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } });
    expect(replicasOf(lobby()) + strategy.rollingUpdate.maxSurge).toBeLessThanOrEqual(pool().spec.allocation!.maxSize!);
  });
});
