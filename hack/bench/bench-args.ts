/** `make bench ARGS="..."` / `node dist/hack/bench/run.js [--provider tencent|alibaba] [--pods N] [--timeout S] [--json]`. */
import { parseStrictFlags } from '../cli/strict-flags.js';
import type { BenchOptions } from './benchmark.js';

export interface BenchArgs extends BenchOptions {
  json: boolean;
}

export class BenchUsageError extends Error {}

export const BENCH_USAGE = `Usage: node dist/hack/bench/run.js [--provider tencent|alibaba] [--pods N] [--timeout SECONDS] [--json]
  (or: make bench ARGS="--provider alibaba --pods 500")
Progress goes to stderr, the result table (or with --json one JSON object) to stdout.
Exit code 0: every invariant held; 1: an invariant failed or a phase timed out; 2: bad flags.`;

const BENCH_FLAGS = { provider: { type: 'string' }, pods: { type: 'string' }, timeout: { type: 'string' }, json: { type: 'boolean' } } as const;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const values = parseStrictFlags(argv, BENCH_FLAGS, BenchUsageError);
  const provider = values.provider ?? 'tencent';
  if (provider !== 'tencent' && provider !== 'alibaba') throw new BenchUsageError(`--provider must be tencent or alibaba, got "${provider}"`);
  return {
    provider,
    pods: positiveInteger('--pods', values.pods ?? '200'),
    ...(values.timeout !== undefined ? { timeoutSeconds: positiveInteger('--timeout', values.timeout) } : {}),
    json: values.json ?? false,
  };
}

function positiveInteger(flag: string, value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new BenchUsageError(`${flag} must be a positive whole number, got "${value}"`);
  return Number(value);
}
