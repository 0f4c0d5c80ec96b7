/** `meta.k8s.io/v1` Table responses (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`). */
import { badRequest } from './api-errors.js';
import type { KubeObject, ResourceType } from './resource-type.js';
import { columnsFor } from './table-columns.js';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => /;\s*as=Table/.test(part) && /g=meta\.k8s\.io/.test(part));
}

export function includeObjectOf(value: string | null): IncludeObject {
  if (value === null || value === '') return 'Metadata';
  if (value === 'None' || value === 'Metadata' || value === 'Object') return value;
  throw badRequest(`includeObject: Unsupported value: "${value}": supported values: "Metadata", "None", "Object"`);
}

function rowObject(object: KubeObject, include: IncludeObject): KubeObject | undefined {
  if (include === 'None') return undefined;
  if (include === 'Object') return object;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}

export interface TableRequest {
  type: ResourceType;
  objects: KubeObject[];
  listMetadata: KubeObject;
  include: IncludeObject;
  now: Date;
}

export function tableOf(request: TableRequest): KubeObject {
  const columns = columnsFor(request.type);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: request.listMetadata,
    columnDefinitions: columns.map((column) => column.definition),
    rows: request.objects.map((object) => {
      const row: KubeObject = { cells: columns.map((column) => column.cell(object, request.now)) };
      const included = rowObject(object, request.include);
      if (included) row.object = included;
      return row;
    }),
  };
}
