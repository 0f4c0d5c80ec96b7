/**
 * Runs `podeip run` as a child process, exactly as a user would, with its JSON log lines sent to a
 * file (started afresh each run) so the sandbox's terminal view stays readable. The child stops by
 * itself when the sandbox is gone, even killed outright (see exit-with-parent.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ControllerProcessOptions {
  args: string[];
  env: Record<string, string>;
  logPath: string;
}

export interface ControllerProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code (or the signal name) once the process is gone. */
  readonly exited: Promise<number | string>;
  stop(graceMs?: number): Promise<number | string>;
}

const CLI_ENTRY = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const EXIT_WITH_PARENT = new URL('./exit-with-parent.js', import.meta.url).href;

export function startControllerProcess(options: ControllerProcessOptions): ControllerProcess {
  // The child writes the file itself, so its last lines are kept even when the sandbox is killed.
  const log = openSync(options.logPath, 'w');
  const child = spawn(process.execPath, ['--import', EXIT_WITH_PARENT, CLI_ENTRY, 'run', ...options.args], {
    env: { ...process.env, ...options.env },
    stdio: ['pipe', log, log],
  });
  closeSync(log);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  return { child, exited, stop: (graceMs = 15_000) => stopGracefully(child, exited, graceMs) };
}

async function stopGracefully(child: ChildProcess, exited: Promise<number | string>, graceMs: number) {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
