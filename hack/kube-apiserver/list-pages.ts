/** `limit`/`continue` paging over a list ordered by namespace/name. */
import { badRequest } from './api-errors.js';
import type { KubeObject } from './resource-type.js';

interface ContinueState {
  resourceVersion: string;
  after: string;
}

export interface Page {
  items: KubeObject[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

function keyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

function decodeContinue(token: string): ContinueState {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinueState;
    if (typeof state.after === 'string' && typeof state.resourceVersion === 'string') return state;
  } catch {
    // reported below
  }
  throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}

/**
 * One page of an ordered list. A continued list reports the resourceVersion of its first page, as
 * kube-apiserver does, but shows the objects as they are now (no snapshot).
 */
export function pageOf(objects: KubeObject[], currentVersion: string, limit: number | undefined, continueToken: string | undefined): Page {
  const state = continueToken ? decodeContinue(continueToken) : undefined;
  const remaining = state ? objects.filter((object) => keyOf(object) > state.after) : objects;
  const resourceVersion = state?.resourceVersion ?? currentVersion;
  if (!limit || limit <= 0 || remaining.length <= limit) return { items: remaining, resourceVersion };
  const items = remaining.slice(0, limit);
  const next: ContinueState = { resourceVersion, after: keyOf(items[items.length - 1]!) };
  return {
    items,
    resourceVersion,
    continueToken: Buffer.from(JSON.stringify(next)).toString('base64url'),
    remainingItemCount: remaining.length - limit,
  };
}
