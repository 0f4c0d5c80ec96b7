/** Discovery documents: /api, /apis, /api/v1, /apis/GROUP[/VERSION], /version (legacy, unaggregated form). */
import type { ResourceRegistry } from './resource-registry.js';
import type { ResourceType } from './resource-type.js';

const objectVerbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const subresourceVerbs = ['get', 'patch', 'update'];

export const versionInfo = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-podeip',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23.0',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export function coreVersions(serverAddress: string): Record<string, unknown> {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function groupOf(name: string, versions: string[]): Record<string, unknown> {
  const versionList = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: versionList, preferredVersion: versionList[0] };
}

export function groupList(registry: ResourceRegistry): Record<string, unknown> {
  const groups = [...registry.groups()].map(([name, versions]) => groupOf(name, versions));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

export function group(registry: ResourceRegistry, name: string): Record<string, unknown> | undefined {
  const versions = registry.groups().get(name);
  return versions && { kind: 'APIGroup', apiVersion: 'v1', ...groupOf(name, versions) };
}

function resourceEntries(type: ResourceType): Record<string, unknown>[] {
  const main = {
    name: type.plural,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: type.kind === 'Binding' ? ['create'] : objectVerbs,
    ...(type.shortNames.length ? { shortNames: type.shortNames } : {}),
    ...(type.categories.length ? { categories: type.categories } : {}),
  };
  const subresource = (name: string, kind: string, group?: string, version?: string) => ({
    name: `${type.plural}/${name}`,
    singularName: '',
    namespaced: type.namespaced,
    ...(group !== undefined ? { group, version } : {}),
    kind,
    verbs: subresourceVerbs,
  });
  const entries: Record<string, unknown>[] = [main];
  if (type.hasStatus) entries.push(subresource('status', type.kind));
  if (type.hasScale) entries.push(subresource('scale', 'Scale', 'autoscaling', 'v1'));
  if (type.group === '' && type.plural === 'pods') entries.push({ ...subresource('binding', 'Binding'), verbs: ['create'] });
  return entries;
}

export function resourceList(registry: ResourceRegistry, groupName: string, version: string): Record<string, unknown> | undefined {
  const types = registry.resourcesOf(groupName, version);
  if (!types) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupName ? `${groupName}/${version}` : version,
    resources: types.flatMap(resourceEntries),
  };
}
