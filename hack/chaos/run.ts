/** `make chaos`: runs the chaos run per provider and prints its table (or JSON); see docs/chaos.md. */
import { CHAOS_USAGE, ChaosUsageError, parseChaosArgs } from './chaos-args.js';
import { runChaos, type ChaosResult } from './chaos-run.js';
import { allHold } from './invariants.js';
import { formatChaosReport } from './report-table.js';

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${CHAOS_USAGE}\n`);
    return 0;
  }
  let args;
  try {
    args = parseChaosArgs(argv);
  } catch (error) {
    if (!(error instanceof ChaosUsageError)) throw error;
    process.stderr.write(`chaos: ${error.message}\n${CHAOS_USAGE}\n`);
    return 2;
  }
  const results: ChaosResult[] = [];
  for (const provider of args.providers) {
    const { durationSeconds, seed, replicas } = args;
    results.push(await runChaos({ provider, durationSeconds, seed, replicas }, (line) => process.stderr.write(`chaos: ${line}\n`)));
  }
  process.stdout.write(args.json ? `${JSON.stringify(results, null, 2)}\n` : `${formatChaosReport(results)}\n`);
  return results.every((result) => allHold(result.broken)) ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
