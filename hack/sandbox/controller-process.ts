/**
 * Runs `podeip run` as a child process, exactly as a user would, with its JSON log lines sent to a
 * file so the sandbox's terminal view stays readable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
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

export function startControllerProcess(options: ControllerProcessOptions): ControllerProcess {
  const log = createWriteStream(options.logPath, { flags: 'a' });
  const child = spawn(process.execPath, [CLI_ENTRY, 'run', ...options.args], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      log.end();
      resolve(code ?? signal ?? 'unknown');
    });
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
