/**
 * `make release-manifest` → dist/podeip.yaml: config/default rendered with the image pinned to the
 * package version, and every object accepted by an API server through `kubectl apply -f`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Kubectl } from '../kube-apiserver/kubectl-runner.js';
import { useLocalServer } from '../kube-apiserver/local-server.js';
import { CONFIG_DIR, REPO_ROOT, onlyObject, renderKustomization, type ManifestObject } from './config-tree.js';

const RELEASE_MANIFEST = join(REPO_ROOT, 'dist/podeip.yaml');
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Container {
  name: string;
  image: string;
}
const containersOf = (deployment: ManifestObject) => (deployment.spec as { template: { spec: { containers: Container[] } } }).template.spec.containers;

/** kubectl's fully qualified resource: `Kind` for the core group, else `Kind.version.group`. */
function resourceOf({ apiVersion, kind }: ManifestObject): string {
  const [group, version] = apiVersion.split('/');
  return version === undefined ? kind : `${kind}.${version}.${group}`;
}

function makeReleaseManifest(variables: string[] = []): ManifestObject[] {
  execFileSync('make', ['-s', 'release-manifest', ...variables], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return parseAllDocuments(readFileSync(RELEASE_MANIFEST, 'utf8')).map((document) => document.toJSON() as ManifestObject);
}

describe('make release-manifest', () => {
  const local = useLocalServer();
  let released: ManifestObject[];
  beforeAll(() => {
    released = makeReleaseManifest();
  });

  it('is config/default with the controller image pinned to podeip:<package version>', () => {
    const development = renderKustomization(join(CONFIG_DIR, 'default'));
    const unpinned = structuredClone(released);
    const [container] = containersOf(onlyObject(unpinned, 'Deployment'));
    expect(container!.image).toBe(`podeip:${VERSION}`);
    container!.image = containersOf(onlyObject(development, 'Deployment'))[0]!.image;
    expect(unpinned).toEqual(development);
  });

  it('takes a registry prefix', () => {
    const [container] = containersOf(onlyObject(makeReleaseManifest(['IMAGE_REGISTRY=registry.example:5000/platform/']), 'Deployment'));
    expect(container!.image).toBe(`registry.example:5000/platform/podeip:${VERSION}`);
    makeReleaseManifest();
  });

  it('installs with kubectl apply -f: every object is created', async () => {
    const kubectl = await Kubectl.for(local.server);
    try {
      const applied = await kubectl.ok('apply', '-f', RELEASE_MANIFEST);
      const expected = released.map((object) => `${resourceOf(object).toLowerCase().replace(/\.v1\b/, '')}/${object.metadata.name} created`);
      expect(applied.trim().split('\n').sort()).toEqual(expected.sort());
      for (const object of released) {
        const namespace = object.metadata.namespace ? ['-n', object.metadata.namespace] : [];
        const name = await kubectl.ok('get', resourceOf(object), object.metadata.name, ...namespace, '-o', 'jsonpath={.metadata.name}');
        expect(name).toBe(object.metadata.name);
      }
    } finally {
      await kubectl.cleanUp();
    }
  });
});
