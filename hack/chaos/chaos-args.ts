/** `make chaos ARGS="..."` / `node dist/hack/chaos/run.js [--provider tencent|alibaba|both] [--duration S] [--seed N] [--replicas N] [--json]`. */
import { parseStrictFlags } from '../cli/strict-flags.js';
import type { BenchProviderName } from '../bench/bench-providers.js';

export interface ChaosArgs {
  providers: BenchProviderName[];
  /** Seconds of faults per provider. */
  durationSeconds: number;
  seed: number;
  /** Pods of the StatefulSet and of the Deployment at the start (each is scaled between 1 and twice this). */
  replicas: number;
  json: boolean;
}

export class ChaosUsageError extends Error {}

export const CHAOS_USAGE = `Usage: node dist/hack/chaos/run.js [--provider tencent|alibaba|both] [--duration SECONDS] [--seed N] [--replicas N] [--json]
  (or: make chaos ARGS="--provider alibaba --duration 60 --seed 7")
Two leader-elected \`podeip run\` processes against the local API server and the cloud emulator; for
--duration seconds (default 180) the leader is SIGKILLed, watches are dropped, ~10% of cloud writes
fail with documented long-tail codes, pods are deleted and workloads scaled; then faults stop and the
run waits for convergence. --seed (default 1) makes the sequence reproducible; --replicas (default 4)
sizes the StatefulSet and the Deployment. Progress goes to stderr, the table (or --json) to stdout.
Exit code 0: every invariant is 0; 1: an invariant is not 0; 2: bad flags.`;

const CHAOS_FLAGS = { provider: { type: 'string' }, duration: { type: 'string' }, seed: { type: 'string' }, replicas: { type: 'string' }, json: { type: 'boolean' } } as const;

const PROVIDER_CHOICES: Record<string, BenchProviderName[]> = { tencent: ['tencent'], alibaba: ['alibaba'], both: ['tencent', 'alibaba'] };

export function parseChaosArgs(argv: string[]): ChaosArgs {
  const values = parseStrictFlags(argv, CHAOS_FLAGS, ChaosUsageError);
  const provider = values.provider ?? 'both';
  const providers = PROVIDER_CHOICES[provider];
  if (!providers) throw new ChaosUsageError(`--provider must be tencent, alibaba or both, got "${provider}"`);
  return {
    providers,
    durationSeconds: positiveInteger('--duration', values.duration ?? '180'),
    seed: positiveInteger('--seed', values.seed ?? '1'),
    replicas: positiveInteger('--replicas', values.replicas ?? '4'),
    json: values.json ?? false,
  };
}

function positiveInteger(flag: string, value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new ChaosUsageError(`${flag} must be a positive whole number, got "${value}"`);
  return Number(value);
}
