/**
 * Creates (or merges into) every object of some YAML manifest files through the API, the way
 * `kubectl apply` would, without needing kubectl on the machine.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KubernetesObjectApi, PatchStrategy, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';

export async function manifestFilesIn(folder: string): Promise<string[]> {
  const names = await readdir(folder);
  return names
    .filter((name) => /\.ya?ml$/.test(name) && name !== 'kustomization.yaml')
    .sort()
    .map((name) => join(folder, name));
}

export async function applyManifestFiles(kubeConfig: KubeConfig, files: string[]): Promise<KubernetesObject[]> {
  const client = KubernetesObjectApi.makeApiClient(kubeConfig);
  const applied: KubernetesObject[] = [];
  for (const file of files) {
    for (const object of await readManifests(file)) applied.push(await createOrMerge(client, object));
  }
  return applied;
}

async function readManifests(file: string): Promise<KubernetesObject[]> {
  const documents = parseAllDocuments(await readFile(file, 'utf8'));
  return documents.map((document) => document.toJSON() as KubernetesObject).filter((object) => object?.kind);
}

async function createOrMerge(client: KubernetesObjectApi, object: KubernetesObject): Promise<KubernetesObject> {
  try {
    return await client.create(object);
  } catch (error) {
    if ((error as { code?: number }).code !== 409) throw error;
    return client.patch(object, undefined, undefined, 'podeip-sandbox', undefined, PatchStrategy.MergePatch);
  }
}
