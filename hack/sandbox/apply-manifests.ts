/**
 * Creates (or merges into) every object of some YAML manifest files through the API, the way
 * `kubectl apply` would, without needing kubectl on the machine.
 *
 * CustomResourceDefinitions are posted as raw JSON: client-node's typed serializer reads camelCase
 * model fields, so it silently drops a plain manifest's `x-kubernetes-*` schema keys.
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
    for (const object of await readManifests(file)) applied.push(await createOrMerge(kubeConfig, client, object));
  }
  return applied;
}

async function readManifests(file: string): Promise<KubernetesObject[]> {
  const documents = parseAllDocuments(await readFile(file, 'utf8'));
  return documents.map((document) => document.toJSON() as KubernetesObject).filter((object) => object?.kind);
}

async function createOrMerge(kubeConfig: KubeConfig, client: KubernetesObjectApi, object: KubernetesObject): Promise<KubernetesObject> {
  try {
    if (object.kind === 'CustomResourceDefinition') return await postRawJson(kubeConfig, CRD_PATH, object);
    return await client.create(object);
  } catch (error) {
    if ((error as { code?: number }).code !== 409) throw error;
    return client.patch(object, undefined, undefined, 'podeip-sandbox', undefined, PatchStrategy.MergePatch);
  }
}

const CRD_PATH = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

async function postRawJson(kubeConfig: KubeConfig, path: string, object: KubernetesObject): Promise<KubernetesObject> {
  const options = await kubeConfig.applyToFetchOptions({});
  const headers = Object.fromEntries(options.headers as unknown as Iterable<[string, string]>);
  const response = await fetch(`${kubeConfig.getCurrentCluster()!.server}${path}`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(object),
  });
  const body = (await response.json()) as KubernetesObject & { message?: string };
  if (!response.ok) throw Object.assign(new Error(`POST ${path}: ${response.status} ${body.message ?? ''}`), { code: response.status });
  return body;
}
