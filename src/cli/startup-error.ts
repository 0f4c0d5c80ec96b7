/** How a command's expected failures end: one line on stderr, never a stack trace. */
import { FlagError } from './flag-parser.js';

/** A start-up check that failed (SPEC §12): exit code 1, no retry. */
export class StartupError extends Error {}

/** A bad flag value exits 2 (SPEC §8), a failed start-up check 1; anything else is a bug and is thrown on. */
export function exitCodeFor(command: string, error: unknown): number {
  if (!(error instanceof FlagError) && !(error instanceof StartupError)) throw error;
  process.stderr.write(`${command}: ${error.message}\n`);
  return error instanceof FlagError ? 2 : 1;
}
