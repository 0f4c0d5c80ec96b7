/** What the server knows about one served resource (built-in or defined by a CRD). */
import type { CrdSchema } from './crd-schema.js';

export type KubeObject = Record<string, any>;

export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  priority?: number;
  description?: string;
  format?: string;
}

export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  hasStatus: boolean;
  hasScale: boolean;
  /** Built-in types accept strategic merge patches; custom resources do not. */
  strategicMerge: boolean;
  /** Spec changes bump metadata.generation (not for pods, namespaces, nodes, events, leases). */
  tracksGeneration: boolean;
  /** Custom resources: the columns `kubectl get` shows. */
  printerColumns?: PrinterColumn[];
  schema?: CrdSchema;
  /** Built-in types: the top-level fields besides apiVersion, kind and metadata (custom resources have their schema). */
  topLevelFields?: string[];
  /** Set when another resource's storage holds the objects (events.k8s.io/v1 Events are stored as core/v1 Events). */
  storage?: StorageConversion;
}

export interface StorageConversion {
  resource: string;
  toStorage(object: KubeObject): KubeObject;
  fromStorage(object: KubeObject): KubeObject;
}

export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

export function groupVersionKey(group: string, version: string): string {
  return `${group}/${version}`;
}

export function resourceKey(type: Pick<ResourceType, 'group' | 'plural'>): string {
  return `${type.group}/${type.plural}`;
}

/** Where the objects of a resource are stored (`group/plural`). */
export function storageKeyOf(type: ResourceType): string {
  return type.storage?.resource ?? resourceKey(type);
}
