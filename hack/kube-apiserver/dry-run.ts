/**
 * `dryRun=All` (query) and a DeleteOptions body's `dryRun: ["All"]`: the write is admitted, validated
 * and answered as if it happened, but nothing is persisted or announced to watchers (kube-apiserver's
 * DryRunnableStorage). A created object comes back without a resourceVersion; an updated one keeps
 * its stored version. Other values → 422 on the verb's options kind (apimachinery ValidateDryRun).
 */
import { invalid } from './api-errors.js';
import { ObjectStore } from './object-store.js';
import type { KubeObject } from './resource-type.js';

export type OptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions' | 'DeleteOptions';

/** Whether the request asks for a dry run; `values` are every `dryRun` sent (query parameters and body). */
export function isDryRun(values: string[], optionsKind: OptionsKind): boolean {
  const unsupported = values.filter((value) => value !== 'All');
  if (unsupported.length > 0) {
    const shown = `[]string{${values.map((value) => JSON.stringify(value)).join(', ')}}`;
    const message = `Unsupported value: ${shown}: supported values: "All"`;
    throw invalid({ group: 'meta.k8s.io', plural: '', kind: optionsKind }, '', [{ reason: 'FieldValueNotSupported', message, field: 'dryRun' }]);
  }
  return values.length > 0;
}

/** The store as a dry-run write sees it: reads come from the real store, writes are computed and dropped. */
export class DryRunStore extends ObjectStore {
  constructor(private readonly real: ObjectStore) {
    super(0);
  }

  override get currentVersion(): number {
    return this.real.currentVersion;
  }

  override get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.real.get(resource, namespace, name);
  }

  override list(resource: string, namespace?: string): KubeObject[] {
    return this.real.list(resource, namespace);
  }

  override save(resource: string, object: KubeObject): KubeObject {
    const stored = this.real.get(resource, object.metadata.namespace, object.metadata.name);
    const { resourceVersion: _unsaved, ...metadata } = object.metadata;
    return { ...object, metadata: stored ? { ...metadata, resourceVersion: stored.metadata.resourceVersion } : metadata };
  }

  override remove(_resource: string, object: KubeObject): KubeObject {
    return object;
  }
}
