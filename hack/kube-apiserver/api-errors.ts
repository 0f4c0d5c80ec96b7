/** Kubernetes `Status` failures, thrown by the handlers and written as the response body. */
export interface StatusCause {
  reason?: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

/** What a resource is called in messages: `pods`, `statefulsets.apps`. */
export interface QualifiedResource {
  group: string;
  plural: string;
  kind: string;
}

function qualifiedName(resource: QualifiedResource): string {
  return resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
}

function detailsOf(resource: QualifiedResource, name: string): StatusDetails {
  return { name, ...(resource.group ? { group: resource.group } : {}), kind: resource.plural };
}

export function notFound(resource: QualifiedResource, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${qualifiedName(resource)} "${name}" not found`, detailsOf(resource, name));
}

export function alreadyExists(resource: QualifiedResource, name: string): ApiError {
  return new ApiError(409, 'AlreadyExists', `${qualifiedName(resource)} "${name}" already exists`, detailsOf(resource, name));
}

export function conflict(resource: QualifiedResource, name: string): ApiError {
  return new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedName(resource)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    detailsOf(resource, name),
  );
}

/** A write whose metadata.uid names another incarnation of the object (kubelet sends the pod's uid with its status patches for this). */
export function uidPreconditionFailed(resource: QualifiedResource, name: string, sentUid: string, storedUid: string): ApiError {
  return new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedName(resource)} "${name}": Precondition failed: UID in precondition: ${sentUid}, UID in object meta: ${storedUid}`,
    detailsOf(resource, name),
  );
}

export function invalid(resource: QualifiedResource, name: string, causes: StatusCause[]): ApiError {
  const kindName = resource.group ? `${resource.kind}.${resource.group}` : resource.kind;
  const summary = causes.map((cause) => `${cause.field}: ${cause.message}`).join(', ');
  const listed = causes.length > 1 ? `[${summary}]` : summary;
  return new ApiError(422, 'Invalid', `${kindName} "${name}" is invalid: ${listed}`, {
    ...(name ? { name } : {}),
    ...(resource.group ? { group: resource.group } : {}),
    kind: resource.kind,
    causes,
  });
}

/** The NamespaceLifecycle admission plugin's refusal to create content in a Terminating namespace. */
export function namespaceTerminating(resource: QualifiedResource, name: string, namespace: string): ApiError {
  const subject = name ? `${qualifiedName(resource)} ${JSON.stringify(name)}` : qualifiedName(resource);
  return new ApiError(403, 'Forbidden', `${subject} is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`, {
    ...detailsOf(resource, name),
    causes: [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }],
  });
}

/** What the etcd3 store answers a create carrying a resourceVersion: a plain error, so 500 (apierrors.NewInternalError). */
export function resourceVersionSetOnCreate(): ApiError {
  const detail = 'resourceVersion should not be set on objects to be created';
  return new ApiError(500, 'InternalError', `Internal error occurred: ${detail}`, { causes: [{ message: detail }] });
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

export function expired(message: string): ApiError {
  return new ApiError(410, 'Expired', message);
}

export function unsupportedMediaType(accepted: string[]): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );
}

export function methodNotAllowed(method: string): ApiError {
  return new ApiError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource (${method})`);
}

export function pageNotFound(): ApiError {
  return new ApiError(404, 'NotFound', 'the server could not find the requested resource');
}

const reasonsByCode: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Expired',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** An injected failure, shaped like the one a real API server would send for that code. */
export function injectedFailure(code: number): ApiError {
  const reason = reasonsByCode[code] ?? 'Unknown';
  const retry = code === 429 ? { retryAfterSeconds: 1 } : undefined;
  return new ApiError(code, reason, `injected failure (${code} ${reason})`, retry);
}
