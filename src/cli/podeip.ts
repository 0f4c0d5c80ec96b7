/** Dispatches `podeip <command>`: run, teardown, adopt, sandbox, version, help. Returns the exit code. */
import { adoptCommand } from './adopt-command.js';
import { runCommand } from './run-command.js';
import { teardownCommand } from './teardown-command.js';
import { versionLine } from './version.js';

export const USAGE = `Usage: podeip <command> [flags]

Commands:
  run       run the controller (see podeip run --help)
  teardown  release this cluster's addresses and remove the claims' finalizers, before uninstalling (see podeip teardown --help)
  adopt     turn ipamd's, Terway's or ack-extend's bindings into claims without re-binding (see podeip adopt --help)
  sandbox   start a local API server, cloud emulator, workloads and the controller (see podeip sandbox --help)
  version   print the podeip and Node.js versions
  help      show this help`;

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const HELP = new Set(['--help', '-h', 'help']);

export async function podeip(argv: string[], output: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'run') return runCommand(rest);
  if (command === 'teardown') return teardownCommand(rest);
  if (command === 'adopt') return adoptCommand(rest, output);
  if (command === 'sandbox') return runSandbox(rest, output);
  if (command === 'version' || command === '--version') {
    output.stdout(`${versionLine()}\n`);
    return 0;
  }
  if (command !== undefined && HELP.has(command)) {
    output.stdout(`${USAGE}\n`);
    return 0;
  }
  output.stderr(`${command === undefined ? 'podeip: no command given' : `podeip: unknown command "${command}"`}\n${USAGE}\n`);
  return 2;
}

async function runSandbox(argv: string[], output: Output): Promise<number> {
  // The sandbox ships in hack/ (built to dist/hack); it is loaded only when asked for, and the image's bundle leaves it out.
  const sandboxModule = '../../hack/sandbox/cli.js';
  const loaded = (await import(sandboxModule).catch(() => undefined)) as { runSandboxCommand(argv: string[]): Promise<number> } | undefined;
  if (!loaded) {
    output.stderr('podeip: the sandbox is not part of this build (the image ships the controller only); run it from a checkout with make sandbox\n');
    return 1;
  }
  return loaded.runSandboxCommand(argv);
}
