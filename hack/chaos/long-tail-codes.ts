/**
 * The codes the chaos run makes cloud writes fail with: each write action's documented "try again"
 * codes (transient, conflict, throttled) from podeip's own error tables, the action's table first,
 * then the codes any action may return. Not-found and refusals are left out: a cloud that says an
 * address is gone when it is not would make a leak the controller could not have avoided.
 */
import type { CloudErrorKind, ErrorTables } from '../../src/providers/cloud-error.js';
import { ALIBABA_ERROR_TABLES } from '../../src/providers/alibaba/error-classification.js';
import { TENCENT_ERROR_TABLES } from '../../src/providers/tencent/error-classification.js';
import type { BenchProviderName } from '../bench/bench-providers.js';

const RETRIED_KINDS = new Set<CloudErrorKind>(['transient', 'conflict', 'throttled']);

const TABLES: Record<BenchProviderName, ErrorTables> = { tencent: TENCENT_ERROR_TABLES, alibaba: ALIBABA_ERROR_TABLES };

export function longTailCodes(provider: BenchProviderName, action: string): string[] {
  const tables = TABLES[provider];
  const listed = { ...tables.common, ...(tables.perAction[action] ?? {}) };
  return Object.entries(listed)
    .filter(([, kind]) => RETRIED_KINDS.has(kind))
    .map(([code]) => code)
    .sort();
}
