/** `make bench ARGS="..."` / `node dist/hack/bench/run.js [--scenario lifecycle|pool|memory|idle|restart|burst|latency] [--provider tencent|alibaba] [--pods N] [--timeout S] [--json]`. */
import { parseStrictFlags } from '../cli/strict-flags.js';
import { BENCH_SCENARIOS, type BenchOptions, type BenchScenario } from './benchmark.js';
import { CLOUD_SCALE_DEFAULT_PODS, isCloudScaleScenario } from './cloud-scale-scenario.js';

export interface BenchArgs extends BenchOptions {
  json: boolean;
}

export class BenchUsageError extends Error {}

export const BENCH_USAGE = `Usage: node dist/hack/bench/run.js [--scenario lifecycle|pool|memory|idle|restart|burst|latency] [--provider tencent|alibaba] [--pods N] [--claims N] [--seconds S] [--timeout SECONDS] [--json]
  (or: make bench ARGS="--provider alibaba --pods 500")
--scenario lifecycle (the default): bind, controller restart, churn of N pods keeping owned addresses.
--scenario pool: N pods binding from N warm EIPPool spares vs N pods allocating their own.
--scenario memory: podeip run's resident memory (peak during the first list, steady once settled) with N
  seeded realistic pods, --claims of them (default N/5) with a Bound claim; --seconds after settling (default 10).
--scenario idle: the same cluster, podeip run's CPU and its cloud and Kubernetes calls over --seconds (default 60).
--scenario restart: N (default 10,000) Bound claims seeded, then a fresh controller: its cloud writes, describe calls,
  Kubernetes writes and time to settle.
--scenario burst: N (default 1,000) pods at once on each provider (--provider: that one only): time to all Bound against the rate-limit floor.
--scenario latency: N (default 20) pods one at a time, every cloud step 1-3 s: podeip's overhead above the cloud's own time.
Progress goes to stderr, the result table (or with --json one JSON object) to stdout.
Exit code 0: every invariant held; 1: an invariant failed or a phase timed out; 2: bad flags.`;

const BENCH_FLAGS = { scenario: { type: 'string' }, provider: { type: 'string' }, pods: { type: 'string' }, timeout: { type: 'string' }, json: { type: 'boolean' }, claims: { type: 'string' }, seconds: { type: 'string' } } as const;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const values = parseStrictFlags(argv, BENCH_FLAGS, BenchUsageError);
  const provider = values.provider ?? 'tencent';
  if (provider !== 'tencent' && provider !== 'alibaba') throw new BenchUsageError(`--provider must be tencent or alibaba, got "${provider}"`);
  const scenario = values.scenario ?? 'lifecycle';
  if (!isScenario(scenario)) throw new BenchUsageError(`--scenario must be ${BENCH_SCENARIOS.join(' or ')}, got "${scenario}"`);
  return {
    scenario,
    provider,
    ...(values.provider !== undefined ? { onlyProvider: provider } : {}),
    pods: positiveInteger('--pods', values.pods ?? String(isCloudScaleScenario(scenario) ? CLOUD_SCALE_DEFAULT_PODS[scenario] : 200)),
    ...(values.timeout !== undefined ? { timeoutSeconds: positiveInteger('--timeout', values.timeout) } : {}),
    ...(values.claims !== undefined ? { claims: positiveInteger('--claims', values.claims) } : {}),
    ...(values.seconds !== undefined ? { seconds: positiveInteger('--seconds', values.seconds) } : {}),
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
