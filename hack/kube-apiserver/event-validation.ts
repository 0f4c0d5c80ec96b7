/**
 * core/v1 Event validation on create (pkg/apis/core/validation/events.go, legacyValidateEvent; the
 * strict events.k8s.io/v1 checks are not emulated): the involved object's namespace must match the
 * Event's, and an Event with `eventTime` (a "new" Event) needs reportingComponent, reportingInstance,
 * action and reason within their length limits.
 */
import type { StatusCause } from './api-errors.js';
import { invalidValue, qualifiedNameProblems, requiredValue, subdomainProblems } from './object-meta-validation.js';
import type { KubeObject } from './resource-type.js';

const LENGTH_LIMITS: Array<[field: string, limit: number]> = [
  ['reportingInstance', 128],
  ['action', 128],
  ['reason', 128],
  ['message', 1024],
];

function namespaceMismatch(event: KubeObject): StatusCause {
  return invalidValue('involvedObject.namespace', event.involvedObject?.namespace ?? '', 'does not match event.namespace');
}

function legacyEventViolations(event: KubeObject): StatusCause[] {
  const namespace: string = event.metadata.namespace ?? '';
  const involvedNamespace: string = event.involvedObject?.namespace ?? '';
  if (involvedNamespace) return involvedNamespace === namespace ? [] : [namespaceMismatch(event)];
  return ['', 'default'].includes(namespace) ? [] : [namespaceMismatch(event)];
}

function newEventViolations(event: KubeObject): StatusCause[] {
  const namespace: string = event.metadata.namespace ?? '';
  const involvedNamespace: string = event.involvedObject?.namespace ?? '';
  const component: string = event.reportingComponent ?? '';
  return [
    ...(!involvedNamespace && !['default', 'kube-system'].includes(namespace) ? [namespaceMismatch(event)] : []),
    ...(component ? qualifiedNameProblems(component).map((problem) => invalidValue('reportingComponent', component, problem)) : [requiredValue('reportingComponent')]),
    ...['reportingInstance', 'action', 'reason'].filter((field) => !event[field]).map((field) => requiredValue(field)),
    ...LENGTH_LIMITS.filter(([field, limit]) => String(event[field] ?? '').length > limit).map(([field, limit]) =>
      invalidValue(field, '', `can have at most ${limit} characters`),
    ),
  ];
}

export function eventViolations(event: KubeObject): StatusCause[] {
  const namespace: string = event.metadata.namespace ?? '';
  return [
    ...(event.eventTime ? newEventViolations(event) : legacyEventViolations(event)),
    ...subdomainProblems(namespace).map((problem) => invalidValue('namespace', namespace, problem)),
  ];
}
