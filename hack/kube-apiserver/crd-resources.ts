/** What a CustomResourceDefinition serves: its resource types, its own validation, its status. */
import type { StatusCause } from './api-errors.js';
import { CrdSchema } from './crd-schema.js';
import type { KubeObject, ResourceType } from './resource-type.js';

function required(field: string): StatusCause {
  return { reason: 'FieldValueRequired', message: 'Required value', field };
}

export function crdViolations(crd: KubeObject): StatusCause[] {
  const spec = crd.spec ?? {};
  const causes: StatusCause[] = [];
  for (const field of ['group', 'scope']) if (!spec[field]) causes.push(required(`spec.${field}`));
  for (const field of ['plural', 'kind']) if (!spec.names?.[field]) causes.push(required(`spec.names.${field}`));
  if (spec.names?.plural && spec.group && crd.metadata.name !== `${spec.names.plural}.${spec.group}`) {
    causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: "${crd.metadata.name}": must be spec.names.plural+"."+spec.group`, field: 'metadata.name' });
  }
  const versions: KubeObject[] = spec.versions ?? [];
  if (versions.length === 0) causes.push(required('spec.versions'));
  versions.forEach((version, index) => {
    if (!version.schema?.openAPIV3Schema) causes.push(required(`spec.versions[${index}].schema.openAPIV3Schema`));
  });
  if (versions.length > 0 && versions.filter((version) => version.storage).length !== 1) {
    causes.push({ reason: 'FieldValueInvalid', message: 'Invalid value: must have exactly one version marked as storage version', field: 'spec.versions' });
  }
  return causes;
}

export function resourceTypesOf(crd: KubeObject): ResourceType[] {
  const { group, names, scope } = crd.spec;
  return (crd.spec.versions as KubeObject[])
    .filter((version) => version.served)
    .map((version) => ({
      group,
      version: version.name,
      kind: names.kind,
      listKind: names.listKind ?? `${names.kind}List`,
      plural: names.plural,
      singular: names.singular ?? names.kind.toLowerCase(),
      namespaced: scope === 'Namespaced',
      shortNames: names.shortNames ?? [],
      categories: names.categories ?? [],
      hasStatus: Boolean(version.subresources?.status),
      hasScale: false,
      strategicMerge: false,
      tracksGeneration: true,
      printerColumns: version.additionalPrinterColumns,
      schema: new CrdSchema(version.schema.openAPIV3Schema),
    }));
}

/** The status the apiextensions controller would write at once: names accepted, established. */
export function establishedStatus(crd: KubeObject, now: Date): KubeObject {
  const names = crd.spec.names;
  const at = now.toISOString().replace(/\.\d+Z$/, 'Z');
  const condition = (type: string, reason: string, message: string) => ({ type, status: 'True', lastTransitionTime: at, reason, message });
  return {
    acceptedNames: { ...names, singular: names.singular ?? names.kind.toLowerCase(), listKind: names.listKind ?? `${names.kind}List` },
    conditions: [
      condition('NamesAccepted', 'NoConflicts', 'no conflicts found'),
      condition('Established', 'InitialNamesAccepted', 'the initial names have been accepted'),
    ],
    storedVersions: (crd.spec.versions as KubeObject[]).filter((version) => version.storage).map((version) => version.name),
  };
}
