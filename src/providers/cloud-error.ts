import type { ProviderName } from './provider.js';

/**
 * How the reconciler reacts:
 * not-found: the resource is gone; conflict: busy or wrong state, retry soon; throttled: retry after
 * backoff; quota: retry slowly and surface; invalid-request and auth: no retry, surface to the user;
 * transient: retry.
 */
export type CloudErrorKind = 'not-found' | 'conflict' | 'throttled' | 'quota' | 'invalid-request' | 'auth' | 'transient';

export interface CloudErrorFields {
  kind: CloudErrorKind;
  provider: ProviderName;
  action: string;
  /** The cloud's error code, e.g. `InvalidAddressId.NotFound`; '' for network failures. */
  code: string;
  requestId: string;
  message: string;
  /**
   * The cloud refused the request because of an address id it names (malformed or unknown): the
   * same ids fail the same way again, and a batch without the offending id succeeds.
   */
  concernsIds?: boolean;
}

/** The code a provider reports when the SDK's credential chain found no credentials to sign with. */
export const MISSING_CREDENTIALS = 'MissingCredentials';

/** Thrown before sending when there are no credentials; the providers classify it as `auth`. */
export class MissingCredentialsError extends Error {
  constructor(detail: string) {
    super(`no cloud credentials: ${detail}`);
    this.name = 'MissingCredentialsError';
  }
}

export class CloudError extends Error implements CloudErrorFields {
  readonly kind: CloudErrorKind;
  readonly provider: ProviderName;
  readonly action: string;
  readonly code: string;
  readonly requestId: string;
  readonly concernsIds: boolean;

  constructor(fields: CloudErrorFields) {
    super(fields.message);
    this.name = 'CloudError';
    this.kind = fields.kind;
    this.provider = fields.provider;
    this.action = fields.action;
    this.code = fields.code;
    this.requestId = fields.requestId;
    this.concernsIds = fields.concernsIds ?? false;
  }

  /** The form events carry: `Code=... Message=... RequestId=...`. */
  describe(): string {
    return `${this.summary()}, RequestId=${this.requestId || 'none'}`;
  }

  /** Without the request id, which differs on every try: a condition that says this changes only when the failure does. */
  summary(): string {
    return `${this.action} failed: Code=${this.code || 'NetworkError'}, Message="${this.message}"`;
  }

  get retryable(): boolean {
    return this.kind !== 'invalid-request' && this.kind !== 'auth';
  }
}

export function isCloudError(error: unknown): error is CloudError {
  return error instanceof CloudError;
}
