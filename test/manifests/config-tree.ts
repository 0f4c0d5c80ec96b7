/** Reads the kustomize tree under config/ the way kubectl would: plain YAML files and rendered kustomizations. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CONFIG_DIR = join(REPO_ROOT, 'config');

export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/** Every .yaml/.yml file below `dir`, relative to the repository root, sorted. */
export function yamlFilesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.ya?ml$/.test(path))
    .map((path) => relative(REPO_ROOT, join(dir, path)))
    .sort();
}

/** Parses every document of a YAML file, throwing on the first syntax error. */
export function parseYamlFile(path: string): unknown[] {
  return parseAllDocuments(readFileSync(resolve(REPO_ROOT, path), 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${path}: ${document.errors[0]!.message}`);
    return document.toJSON() as unknown;
  });
}

/** `kubectl kustomize DIR` (kubectl embeds kustomize v5), parsed. */
export function renderKustomization(dir: string): ManifestObject[] {
  const rendered = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return parseAllDocuments(rendered).map((document) => document.toJSON() as ManifestObject);
}

/** Renders a throw-away overlay over directories of config/, as a user's own overlay would. */
export function renderOverlay(overlay: { namespace: string; namePrefix: string; resources: string[] }): ManifestObject[] {
  const dir = mkdtempSync(join(tmpdir(), 'podeip-overlay-'));
  try {
    const resources = overlay.resources.map((resource) => `  - ${relative(dir, join(CONFIG_DIR, resource))}`);
    writeFileSync(
      join(dir, 'kustomization.yaml'),
      [`namespace: ${overlay.namespace}`, `namePrefix: ${overlay.namePrefix}`, 'resources:', ...resources, ''].join('\n'),
    );
    return renderKustomization(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function onlyObject(objects: ManifestObject[], kind: string, name?: string): ManifestObject {
  const matches = objects.filter((object) => object.kind === kind && (name === undefined || object.metadata.name === name));
  if (matches.length !== 1) throw new Error(`expected exactly one ${kind} ${name ?? ''}, found ${matches.length}`);
  return matches[0]!;
}
