/** Flag parsing shared by the hack/ commands (sandbox, bench): unknown flags and positionals are usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type FlagOptions = NonNullable<ParseArgsConfig['options']>;

export function parseStrictFlags<O extends FlagOptions>(args: string[], options: O, usageError: new (message: string) => Error) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new usageError((error as Error).message);
  }
}
