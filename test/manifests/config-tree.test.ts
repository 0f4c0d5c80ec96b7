import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CONFIG_DIR, REPO_ROOT, parseYamlFile, yamlFilesBelow } from './config-tree.js';

const files = yamlFilesBelow(CONFIG_DIR);
const kustomizations = files.filter((path) => path.endsWith('kustomization.yaml'));

interface Kustomization {
  resources?: string[];
  components?: string[];
  patches?: Array<{ path?: string }>;
}

function referencesOf(path: string): string[] {
  const [kustomization] = parseYamlFile(path) as [Kustomization];
  return [
    ...(kustomization.resources ?? []),
    ...(kustomization.components ?? []),
    ...(kustomization.patches ?? []).flatMap((patch) => (patch.path ? [patch.path] : [])),
  ];
}

it('finds the expected kustomizations (config/crd belongs to the controller)', () => {
  expect(kustomizations.filter((path) => !path.startsWith('config/crd/'))).toEqual([
    'config/compat/kustomization.yaml',
    'config/default/kustomization.yaml',
    'config/manager/kustomization.yaml',
    'config/network-policy/kustomization.yaml',
    'config/prometheus/kustomization.yaml',
    'config/rbac/kustomization.yaml',
    'config/samples/alibaba/kustomization.yaml',
    'config/samples/kustomization.yaml',
  ]);
});

it.each(files)('%s parses, and every object in it has apiVersion, kind and a name', (path) => {
  const documents = parseYamlFile(path) as Array<Record<string, unknown> | null>;
  expect(documents.length).toBeGreaterThan(0);
  if (path.endsWith('kustomization.yaml')) return;
  for (const object of documents) {
    expect(object).toEqual(
      expect.objectContaining({
        apiVersion: expect.any(String),
        kind: expect.any(String),
        metadata: expect.objectContaining({ name: expect.any(String) }),
      }),
    );
  }
});

it.each(kustomizations)('%s references only files and kustomization directories that exist', (path) => {
  const base = dirname(resolve(REPO_ROOT, path));
  const missing = referencesOf(path).filter((reference) => {
    const target = resolve(base, reference);
    if (!existsSync(target)) return true;
    return statSync(target).isDirectory() && !existsSync(join(target, 'kustomization.yaml'));
  });
  expect(missing).toEqual([]);
});

it.each(kustomizations.filter((path) => !path.startsWith('config/crd/')))(
  '%s lists every manifest in its directory (no file silently left out)',
  (path) => {
    const dir = dirname(resolve(REPO_ROOT, path));
    const manifests = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name) && name !== 'kustomization.yaml');
    const listed = referencesOf(path).map((reference) => relative(dir, resolve(dir, reference)));
    expect(manifests.filter((name) => !listed.includes(name))).toEqual([]);
  },
);

it('config/default installs the CRD, RBAC and manager, and offers prometheus and network-policy', () => {
  expect(referencesOf('config/default/kustomization.yaml')).toEqual(['../crd', '../rbac', '../manager']);
  expect(existsSync(join(CONFIG_DIR, 'prometheus/kustomization.yaml'))).toBe(true);
  expect(existsSync(join(CONFIG_DIR, 'network-policy/kustomization.yaml'))).toBe(true);
});
