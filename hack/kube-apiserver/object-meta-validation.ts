/**
 * apimachinery's ObjectMeta validation (pkg/api/validation/objectmeta.go and
 * pkg/apis/meta/v1/validation): label keys and values, annotation keys and their total size,
 * ownerReferences and finalizer names, with kube-apiserver's field paths and messages
 * (pkg/util/validation IsQualifiedName, IsValidLabelValue, IsDNS1123Subdomain).
 */
import type { StatusCause } from './api-errors.js';
import type { KubeObject } from './resource-type.js';

const qualifiedNameFormat = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const qualifiedName = new RegExp(`^${qualifiedNameFormat}$`);
const labelValue = new RegExp(`^(${qualifiedNameFormat})?$`);
const subdomainFormat = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const subdomain = new RegExp(`^${subdomainFormat}$`);
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** validation.RegexError: the message, examples and the regex. */
function regexError(message: string, format: string, ...examples: string[]): string {
  const shown = examples.map((example) => `'${example}', `).join(' or ');
  return `${message} (e.g. ${shown}regex used for validation is '${format}')`;
}

const qualifiedNameMessage = regexError(
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  qualifiedNameFormat,
  'MyName',
  'my.name',
  '123-abc',
);
const labelValueMessage = regexError(
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  `(${qualifiedNameFormat})?`,
  'MyValue',
  'my_value',
  '12345',
);
export const subdomainMessage = regexError(
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  subdomainFormat,
  'example.com',
);

function maxLength(limit: number): string {
  return `must be no more than ${limit} characters`;
}

/** validation.IsDNS1123Subdomain: the problems of a value, empty when it is one. */
export function subdomainProblems(value: string): string[] {
  return [...(value.length > 253 ? [maxLength(253)] : []), ...(subdomain.test(value) ? [] : [subdomainMessage])];
}

/** validation.IsQualifiedName: `[prefix/]name`, the prefix a DNS subdomain, the name at most 63 characters. */
export function qualifiedNameProblems(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) {
    return [`a qualified name ${qualifiedNameMessage} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const name = parts.at(-1)!;
  const problems: string[] = [];
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === '') problems.push('prefix part must be non-empty');
    else problems.push(...subdomainProblems(prefix).map((problem) => `prefix part ${problem}`));
  }
  if (name === '') problems.push('name part must be non-empty');
  else if (name.length > 63) problems.push(`name part ${maxLength(63)}`);
  if (!qualifiedName.test(name)) problems.push(`name part ${qualifiedNameMessage}`);
  return problems;
}

export function requiredValue(field: string, detail?: string): StatusCause {
  return { reason: 'FieldValueRequired', message: detail ? `Required value: ${detail}` : 'Required value', field };
}

export function invalidValue(field: string, value: unknown, detail: string): StatusCause {
  return { reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(value)}: ${detail}`, field };
}

function labelViolations(labels: Record<string, string>): StatusCause[] {
  return Object.entries(labels).flatMap(([key, value]) => [
    ...qualifiedNameProblems(key).map((problem) => invalidValue('metadata.labels', key, problem)),
    ...(String(value).length > 63 ? [invalidValue('metadata.labels', value, maxLength(63))] : []),
    ...(labelValue.test(String(value)) ? [] : [invalidValue('metadata.labels', value, labelValueMessage)]),
  ]);
}

function annotationViolations(annotations: Record<string, string>): StatusCause[] {
  const keys = Object.keys(annotations).flatMap((key) => qualifiedNameProblems(key.toLowerCase()).map((problem) => invalidValue('metadata.annotations', key, problem)));
  const size = Object.entries(annotations).reduce((total, [key, value]) => total + Buffer.byteLength(key) + Buffer.byteLength(String(value)), 0);
  if (size <= TOTAL_ANNOTATION_SIZE_LIMIT) return keys;
  return [...keys, { reason: 'FieldValueTooLong', message: `Too long: may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes`, field: 'metadata.annotations' }];
}

function ownerReferenceViolations(references: KubeObject[]): StatusCause[] {
  const path = 'metadata.ownerReferences';
  const violations = references.flatMap((reference) => {
    const version = String(reference.apiVersion ?? '').split('/').at(-1);
    return [
      ...(version ? [] : [invalidValue(`${path}.apiVersion`, reference.apiVersion ?? '', 'version must not be empty')]),
      ...(reference.kind ? [] : [invalidValue(`${path}.kind`, reference.kind ?? '', 'kind must not be empty')]),
      ...(reference.name ? [] : [invalidValue(`${path}.name`, reference.name ?? '', 'name must not be empty')]),
      ...(reference.uid ? [] : [invalidValue(`${path}.uid`, reference.uid ?? '', 'uid must not be empty')]),
    ];
  });
  const [first, ...others] = references.filter((reference) => reference.controller === true).map((reference) => `${reference.kind}/${reference.name}`);
  const detail = (other: string) => `Only one reference can have Controller set to true. Found "true" in references for ${first} and ${other}`;
  // Go prints the whole []metav1.OwnerReference as the value; its type stands in for it here.
  return [...violations, ...others.map((other) => ({ reason: 'FieldValueInvalid', message: `Invalid value: []v1.OwnerReference: ${detail(other)}`, field: path }))];
}

function finalizerViolations(finalizers: string[]): StatusCause[] {
  const seen = new Set<string>();
  return finalizers.flatMap((finalizer) => {
    const duplicate = seen.has(finalizer);
    seen.add(finalizer);
    return [
      ...qualifiedNameProblems(finalizer).map((problem) => invalidValue('metadata.finalizers', finalizer, problem)),
      ...(duplicate ? [{ reason: 'FieldValueDuplicate', message: `Duplicate value: ${JSON.stringify(finalizer)}`, field: 'metadata.finalizers' }] : []),
    ];
  });
}

export function objectMetaViolations(object: KubeObject): StatusCause[] {
  const metadata = object.metadata ?? {};
  return [
    ...labelViolations(metadata.labels ?? {}),
    ...annotationViolations(metadata.annotations ?? {}),
    ...ownerReferenceViolations(metadata.ownerReferences ?? []),
    ...finalizerViolations(metadata.finalizers ?? []),
  ];
}
