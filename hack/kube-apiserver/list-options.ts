/**
 * The list and watch options kube-apiserver checks before it reads (apimachinery
 * `pkg/apis/meta/internalversion/validation` ValidateListOptions / validateWatchOptions): failures are
 * 422 `ListOptions.meta.k8s.io "" is invalid: …`. Streaming lists (`sendInitialEvents`, the WatchList
 * feature) are not served here, so they are refused as with the feature gate off.
 */
import { invalid, type StatusCause } from './api-errors.js';

const MATCH = 'resourceVersionMatch';

function forbidden(field: string, detail: string): StatusCause {
  return { reason: 'FieldValueForbidden', message: `Forbidden: ${detail}`, field };
}

function notSupported(value: string, supported: string[]): StatusCause {
  const listed = supported.map((item) => JSON.stringify(item)).join(', ');
  return { reason: 'FieldValueNotSupported', message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${listed}`, field: MATCH };
}

function listViolations(query: URLSearchParams): StatusCause[] {
  const match = query.get(MATCH) ?? '';
  const causes: StatusCause[] = [];
  if (match) {
    if (!query.get('resourceVersion')) causes.push(forbidden(MATCH, 'resourceVersionMatch is forbidden unless resourceVersion is provided'));
    if (query.get('continue')) causes.push(forbidden(MATCH, 'resourceVersionMatch is forbidden when continue is provided'));
    if (match !== 'Exact' && match !== 'NotOlderThan') causes.push(notSupported(match, ['Exact', 'NotOlderThan', '']));
    if (match === 'Exact' && query.get('resourceVersion') === '0') {
      causes.push(forbidden(MATCH, 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
    }
  }
  if (query.has('sendInitialEvents')) causes.push(forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
  return causes;
}

function watchViolations(query: URLSearchParams): StatusCause[] {
  const match = query.get(MATCH) ?? '';
  const causes: StatusCause[] = [];
  if (query.has('sendInitialEvents')) {
    if (match !== 'NotOlderThan') causes.push(forbidden(MATCH, 'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'));
    causes.push(forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled'));
  }
  if (match) {
    if (!query.has('sendInitialEvents')) causes.push(forbidden(MATCH, 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'));
    if (match !== 'NotOlderThan') causes.push(notSupported(match, ['NotOlderThan']));
    if (query.get('continue')) causes.push(forbidden(MATCH, 'resourceVersionMatch is forbidden when continue is provided'));
  }
  return causes;
}

export function checkListOptions(query: URLSearchParams, watching: boolean): void {
  const causes = watching ? watchViolations(query) : listViolations(query);
  if (causes.length > 0) throw invalid({ group: 'meta.k8s.io', plural: '', kind: 'ListOptions' }, '', causes);
}
