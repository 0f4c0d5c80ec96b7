/** Which resources are served under which group/version; CRDs add and remove entries at runtime. */
import { builtinResources } from './builtin-resources.js';
import { groupVersionKey, type ResourceType } from './resource-type.js';

export class ResourceRegistry {
  private readonly byGroupVersion = new Map<string, Map<string, ResourceType>>();

  constructor() {
    for (const type of builtinResources) this.add(type);
  }

  add(type: ResourceType): void {
    const key = groupVersionKey(type.group, type.version);
    const resources = this.byGroupVersion.get(key) ?? new Map<string, ResourceType>();
    resources.set(type.plural, type);
    this.byGroupVersion.set(key, resources);
  }

  remove(group: string, plural: string): void {
    for (const [key, resources] of this.byGroupVersion) {
      if (!key.startsWith(`${group}/`)) continue;
      resources.delete(plural);
      if (resources.size === 0) this.byGroupVersion.delete(key);
    }
  }

  find(group: string, version: string, plural: string): ResourceType | undefined {
    return this.byGroupVersion.get(groupVersionKey(group, version))?.get(plural);
  }

  resourcesOf(group: string, version: string): ResourceType[] | undefined {
    const resources = this.byGroupVersion.get(groupVersionKey(group, version));
    return resources ? [...resources.values()] : undefined;
  }

  /** Every served group/version (the core group as ''), in registration order, with its resources. */
  groupVersions(): Array<{ group: string; version: string; resources: ResourceType[] }> {
    return [...this.byGroupVersion].map(([key, resources]) => {
      const [group, version] = key.split('/') as [string, string];
      return { group, version, resources: [...resources.values()] };
    });
  }

  /** Every served group with its versions, core group excluded, in registration order. */
  groups(): Map<string, string[]> {
    const groups = new Map<string, string[]>();
    for (const key of this.byGroupVersion.keys()) {
      const [group, version] = key.split('/') as [string, string];
      if (!group) continue;
      groups.set(group, [...(groups.get(group) ?? []), version]);
    }
    return groups;
  }

  /** Each distinct resource once (its first served version), for GC and namespace cleanup. */
  allResources(): ResourceType[] {
    const seen = new Map<string, ResourceType>();
    for (const resources of this.byGroupVersion.values()) {
      for (const type of resources.values()) {
        const key = `${type.group}/${type.plural}`;
        if (!seen.has(key)) seen.set(key, type);
      }
    }
    return [...seen.values()];
  }
}
