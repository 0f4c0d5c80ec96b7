/** `make bench ARGS="..."` / `node dist/hack/bench/run.js [--scenario lifecycle|pool] [--provider tencent|alibaba] [--pods N] [--timeout S] [--json]`. */
import { parseStrictFlags } from '../cli/strict-flags.js';
import { BENCH_SCENARIOS, type BenchOptions, type BenchScenario } from './benchmark.js';

export interface BenchArgs extends BenchOptions {
  json: boolean;
}

export class BenchUsageError extends Error {}

export const BENCH_USAGE = `Usage: node dist/hack/bench/run.js [--scenario lifecycle|pool] [--provider tencent|alibaba] [--pods N] [--timeout SECONDS] [--json]
  (or: make bench ARGS="--provider alibaba --pods 500")
--scenario lifecycle (the default): bind, controller restart, churn of N pods keeping owned addresses.
--scenario pool: N pods binding from N warm EIPPool spares vs N pods allocating their own.
Progress goes to stderr, the result table (or with --json one JSON object) to stdout.
Exit code 0: every invariant held; 1: an invariant failed or a phase timed out; 2: bad flags.`;

const BENCH_FLAGS = { scenario: { type: 'string' }, provider: { type: 'string' }, pods: { type: 'string' }, timeout: { type: 'string' }, json: { type: 'boolean' } } as const;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const values = parseStrictFlags(argv, BENCH_FLAGS, BenchUsageError);
  const provider = values.provider ?? 'tencent';
  if (provider !== 'tencent' && provider !== 'alibaba') throw new BenchUsageError(`--provider must be tencent or alibaba, got "${provider}"`);
  const scenario = values.scenario ?? 'lifecycle';
  if (!isScenario(scenario)) throw new BenchUsageError(`--scenario must be ${BENCH_SCENARIOS.join(' or ')}, got "${scenario}"`);
  return {
    scenario,
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

function isScenario(value: string): value is BenchScenario {
  return (BENCH_SCENARIOS as string[]).includes(value);
}
