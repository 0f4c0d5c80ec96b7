import type { ProviderName } from './provider.js';

/**
 * How the reconciler reacts:
 * not-found: the resource is gone; conflict: busy or wrong state, retry soon; throttled: retry after
 * backoff; quota, arrears (the account owes the cloud) and blocked (the address is locked by the cloud):
 * retry slowly and surface; invalid-request and auth: no retry, surface to the user; transient: retry.
 */
export type CloudErrorKind = 'not-found' | 'conflict' | 'throttled' | 'quota' | 'arrears' | 'blocked' | 'invalid-request' | 'auth' | 'transient';

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
  /** The code is in none of the provider's documented tables (counted in podeip_cloud_unknown_errors_total). */
  undocumented?: boolean;
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
  readonly undocumented: boolean;

  constructor(fields: CloudErrorFields) {
    super(fields.message);
    this.name = 'CloudError';
    this.kind = fields.kind;
    this.provider = fields.provider;
    this.action = fields.action;
    this.code = fields.code;
    this.requestId = fields.requestId;
    this.concernsIds = fields.concernsIds ?? false;
    this.undocumented = fields.undocumented ?? false;
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

/** A vendor's error table: each documented code and the kind podeip reads it as. */
export type CodeKinds = Readonly<Record<string, CloudErrorKind>>;

/** One letter per kind, so that an error table reads as a column beside the vendor's own list. */
export const KIND = {
  I: 'invalid-request',
  C: 'conflict',
  N: 'not-found',
  Q: 'quota',
  B: 'arrears',
  L: 'blocked',
  T: 'transient',
  A: 'auth',
  R: 'throttled',
} as const satisfies Record<string, CloudErrorKind>;

/**
 * A provider's documented error codes as data: one table per action podeip calls, the codes every
 * action may return, and the documented code families (a prefix whose sub-codes share its meaning).
 */
export interface ErrorTables {
  perAction: Readonly<Record<string, CodeKinds>>;
  common: CodeKinds;
  families: readonly (readonly [prefix: string, kind: CloudErrorKind])[];
}

export interface CodeClassification {
  kind: CloudErrorKind;
  /** False for a code no table or family names: it is retried as transient and counted. */
  documented: boolean;
}

/** The action's own table first, then the common codes, then the families; '' (no answer) is a documented transient. */
export function classifyByTables(tables: ErrorTables, action: string, code: string): CodeClassification {
  if (code === '') return { kind: 'transient', documented: true };
  const actionCodes = Object.hasOwn(tables.perAction, action) ? tables.perAction[action] : undefined;
  const listed = (actionCodes && Object.hasOwn(actionCodes, code) ? actionCodes[code] : undefined) ?? (Object.hasOwn(tables.common, code) ? tables.common[code] : undefined);
  if (listed) return { kind: listed, documented: true };
  const family = tables.families.find(([prefix]) => code.startsWith(prefix));
  return family ? { kind: family[1], documented: true } : { kind: 'transient', documented: false };
}
