/**
 * A list or watch asking for a resourceVersion the store has not reached yet waits for it, as
 * kube-apiserver's watch cache does (`waitUntilFreshAndBlock`, 3 s), then fails with "Too large
 * resource version" (504 Timeout, retryAfterSeconds 1, cause ResourceVersionTooLarge; apiserver
 * `storage.NewTooLargeResourceVersionError`). Clients recover by listing without a resourceVersion.
 */
import { ApiError, badRequest } from './api-errors.js';
import type { ObjectStore } from './object-store.js';

const FRESHNESS_WAIT_MS = 3_000;
const RETRY_AFTER_SECONDS = 1;

export function tooLargeResourceVersion(requested: number, current: number): ApiError {
  return new ApiError(504, 'Timeout', `Timeout: Too large resource version: ${requested}, current: ${current}`, {
    causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
}

/** A resourceVersion parameter as a number; absent, empty and `0` ("any") are undefined. */
export function requestedVersion(value: string | null | undefined): number | undefined {
  if (value === undefined || value === null || value === '' || value === '0') return undefined;
  if (!/^\d+$/.test(value)) throw badRequest(`resourceVersion: Invalid value: "${value}": must be a non-negative integer`);
  return Number(value);
}

/** Resolves once the store has reached `version`; rejects with Too large resource version after the wait. */
export function awaitVersion(store: ObjectStore, version: number | undefined): Promise<void> {
  if (version === undefined || store.currentVersion >= version) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(tooLargeResourceVersion(version, store.currentVersion));
    }, FRESHNESS_WAIT_MS);
    const unsubscribe = store.subscribe(() => {
      if (store.currentVersion < version) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}
