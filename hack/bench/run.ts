/** `make bench`: runs the benchmark and prints its table (or JSON); see docs/benchmarks.md. */
import { BENCH_USAGE, BenchUsageError, parseBenchArgs } from './bench-args.js';
import { runBenchmark } from './benchmark.js';
import { formatReport } from './report-table.js';

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return 0;
  }
  let args;
  try {
    args = parseBenchArgs(argv);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n${BENCH_USAGE}\n`);
    return 2;
  }
  const result = await runBenchmark(args, (line) => process.stderr.write(`bench: ${line}\n`));
  process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatReport(result)}\n`);
  return result.failures.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
