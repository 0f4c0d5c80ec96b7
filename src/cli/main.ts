#!/usr/bin/env node
/** The `podeip` command: `run` (the controller) and `sandbox` (everything on loopback, for trying it out). */
import { runCommand } from './run-command.js';

const USAGE = `Usage: podeip <command> [flags]

Commands:
  run       run the controller (see podeip run --help)
  sandbox   start a local API server, cloud emulator, workloads and the controller (see podeip sandbox --help)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'run') return runCommand(rest);
  if (command === 'sandbox') {
    // The sandbox ships in hack/ (built to dist/hack); it is loaded only when asked for.
    const sandboxModule = '../../hack/sandbox/cli.js';
    const { runSandboxCommand } = (await import(sandboxModule)) as { runSandboxCommand(argv: string[]): Promise<number> };
    return runSandboxCommand(rest);
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  process.stderr.write(`podeip: unknown command "${command}"\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`podeip: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
