/**
 * Kubernetes label selectors in their object form (matchLabels + matchExpressions), as an EIPPool's
 * namespaceSelector and podSelector hold them: matching, and the well-formedness checks the API
 * server makes for built-in selectors (a CRD's schema cannot express all of them).
 */
export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelectorRequirement {
  key: string;
  operator: SelectorOperator;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/**
 * Every requirement holds (`{}` matches everything). An absent selector narrows nothing, as an
 * optional podSelector; this is the only place it differs from metav1.LabelSelectorAsSelector.
 */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (selector === undefined) return true;
  const labelsMatch = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  return labelsMatch && (selector.matchExpressions ?? []).every((requirement) => requirementMatches(requirement, labels));
}

function requirementMatches({ key, operator, values = [] }: LabelSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, key);
  switch (operator) {
    case 'In':
      return has && values.includes(labels[key]!);
    case 'NotIn':
      return !has || !values.includes(labels[key]!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

const OPERATORS: readonly string[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MAX_NAME = 63;
const MAX_PREFIX = 253;

/** The first thing the API server would reject in this selector, with its field path; undefined when well-formed. */
export function selectorProblem(selector: LabelSelector): string | undefined {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    const problem = labelKeyProblem(key) ?? labelValueProblem(value);
    if (problem) return `matchLabels[${JSON.stringify(key)}]: ${problem}`;
  }
  for (const [index, requirement] of (selector.matchExpressions ?? []).entries()) {
    const problem = requirementProblem(requirement);
    if (problem) return `matchExpressions[${index}].${problem}`;
  }
  return undefined;
}

function requirementProblem({ key, operator, values }: LabelSelectorRequirement): string | undefined {
  const keyProblem = labelKeyProblem(key);
  if (keyProblem) return `key: ${keyProblem}`;
  if (!OPERATORS.includes(operator)) return `operator: ${JSON.stringify(operator)} is not one of ${OPERATORS.join(', ')}`;
  const listsValues = operator === 'In' || operator === 'NotIn';
  if (listsValues && (values ?? []).length === 0) return `values: must be non-empty when operator is ${operator}`;
  if (!listsValues && (values ?? []).length > 0) return `values: must be empty when operator is ${operator}`;
  for (const [index, value] of (values ?? []).entries()) {
    const valueProblem = labelValueProblem(value);
    if (valueProblem) return `values[${index}]: ${valueProblem}`;
  }
  return undefined;
}

/** A qualified name: an optional DNS-subdomain prefix and `/`, then a name of at most 63 characters. */
function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length > MAX_PREFIX || !DNS_SUBDOMAIN.test(prefix))) {
    return `${JSON.stringify(key)} is not a valid label key: its prefix must be a lowercase DNS subdomain of at most ${MAX_PREFIX} characters`;
  }
  if (name.length > MAX_NAME || !NAME.test(name)) {
    return `${JSON.stringify(key)} is not a valid label key: its name must be 1 to ${MAX_NAME} alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric`;
  }
  return undefined;
}

function labelValueProblem(value: string): string | undefined {
  if (value === '' || (value.length <= MAX_NAME && NAME.test(value))) return undefined;
  return `${JSON.stringify(value)} is not a valid label value: at most ${MAX_NAME} alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric`;
}
