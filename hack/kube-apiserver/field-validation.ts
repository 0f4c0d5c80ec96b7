/**
 * The `fieldValidation` directive of a create, update or patch: what happens to fields the type does
 * not declare. Strict rejects the write (400), Warn drops them with one warning each, Ignore drops them
 * silently. Absent means Warn, kube-apiserver's default since 1.27 (kubectl sends Strict by default).
 */
import { badRequest, invalid } from './api-errors.js';
import type { KubeObject, ResourceType } from './resource-type.js';
import { separateUnknownFields } from './unknown-fields.js';

export type FieldValidationDirective = 'Strict' | 'Warn' | 'Ignore';
export type WriteVerb = 'create' | 'update' | 'patch';

const directives: FieldValidationDirective[] = ['Ignore', 'Strict', 'Warn'];
const optionsKinds: Record<WriteVerb, string> = { create: 'CreateOptions', update: 'UpdateOptions', patch: 'PatchOptions' };

function isDirective(value: string): value is FieldValidationDirective {
  return (directives as string[]).includes(value);
}

/** kube-apiserver validates the request options before it decodes the body: 422 on the options kind. */
function unsupportedDirective(verb: WriteVerb, value: string) {
  const supported = ['', ...directives].map((item) => JSON.stringify(item)).join(', ');
  const message = `Unsupported value: ${JSON.stringify(value)}: supported values: ${supported}`;
  return invalid({ group: 'meta.k8s.io', plural: '', kind: optionsKinds[verb] }, '', [{ reason: 'FieldValueNotSupported', message, field: 'fieldValidation' }]);
}

export class UnknownFieldPolicy {
  constructor(
    readonly directive: FieldValidationDirective,
    private readonly verb: WriteVerb,
    private readonly warn: (text: string) => void,
  ) {}

  static fromQuery(query: URLSearchParams, verb: WriteVerb, warn: (text: string) => void): UnknownFieldPolicy {
    const value = query.get('fieldValidation') ?? '';
    if (value === '') return new UnknownFieldPolicy('Warn', verb, warn);
    if (!isDirective(value)) throw unsupportedDirective(verb, value);
    return new UnknownFieldPolicy(value, verb, warn);
  }

  /** The object without its undeclared fields; Strict rejects an object that has any. */
  knownFieldsOf(type: ResourceType, object: KubeObject): KubeObject {
    const { known, unknown } = separateUnknownFields(type, object);
    const complaints = unknown.map((path) => `unknown field ${JSON.stringify(path)}`);
    if (this.directive === 'Strict' && complaints.length > 0) {
      throw badRequest(this.decodingFailure(type, `strict decoding error: ${complaints.join(', ')}`));
    }
    if (this.directive === 'Warn') complaints.forEach((complaint) => this.warn(complaint));
    return known;
  }

  /** A body that fails to decode names its kind; a patch result that fails does not (handlers/patch.go). */
  private decodingFailure(type: ResourceType, error: string): string {
    if (this.verb === 'patch') return error;
    return `${type.kind} in version ${JSON.stringify(type.version)} cannot be handled as a ${type.kind}: ${error}`;
  }
}

/** What internal writes (initial namespaces, subresources) use: undeclared fields go without a word. */
export const silentlyDropUnknownFields = new UnknownFieldPolicy('Ignore', 'create', () => undefined);
