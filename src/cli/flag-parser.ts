/** Go-style long flags: `--name=value`, `--name value`, booleans as `--name` or `--name=true|false`. */
export interface FlagSpec {
  name: string;
  kind: 'string' | 'boolean';
  help: string;
  /** Shown in --help; the parser itself applies no defaults. */
  defaultText?: string;
}

export class FlagError extends Error {}

export function parseFlags(argv: string[], specs: FlagSpec[]): Map<string, string | boolean> {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const values = new Map<string, string | boolean>();
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const match = /^--?([^=]+)(?:=(.*))?$/s.exec(argument);
    if (!match) throw new FlagError(`unexpected argument "${argument}"`);
    const [, name, inline] = match as unknown as [string, string, string | undefined];
    const spec = byName.get(name);
    if (!spec) throw new FlagError(`unknown flag --${name}`);
    if (spec.kind === 'boolean') {
      if (inline !== undefined && inline !== 'true' && inline !== 'false') throw new FlagError(`--${name} must be true or false, got "${inline}"`);
      values.set(name, inline !== 'false');
      continue;
    }
    const value = inline ?? argv[++index];
    if (value === undefined) throw new FlagError(`--${name} needs a value`);
    values.set(name, value);
  }
  return values;
}

export function usageLines(specs: FlagSpec[]): string[] {
  const width = Math.max(...specs.map((spec) => spec.name.length + (spec.kind === 'string' ? 8 : 0))) + 4;
  return specs.map((spec) => {
    const left = `  --${spec.name}${spec.kind === 'string' ? ' string' : ''}`;
    const suffix = spec.defaultText ? ` (default ${spec.defaultText})` : '';
    return `${left.padEnd(width + 2)}${spec.help}${suffix}`;
  });
}
