/** Go's time.ParseDuration syntax (`10m`, `1h30m`, `10m0s`, `1.5h`, `300ms`), returned in milliseconds. */
const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;

/**
 * The longest duration podeip accepts anywhere (a retention, an expiry, a flag): one year. Longer ones
 * are mistakes, and some (`99999999999h`) do not even fit in a Date, which made expiry throw RangeError.
 */
export const MAX_DURATION = '8760h';
export const MAX_DURATION_MS = 8760 * 3_600_000;

export type DurationReading = { ms: number } | { problem: 'malformed' | 'too-long' };

export function readGoDuration(text: string): DurationReading {
  const ms = parseSyntax(text);
  if (ms === undefined) return { problem: 'malformed' };
  return Math.abs(ms) > MAX_DURATION_MS ? { problem: 'too-long' } : { ms };
}

/** The duration in milliseconds; undefined when it is malformed or longer than MAX_DURATION. */
export function parseGoDuration(text: string): number | undefined {
  const reading = readGoDuration(text);
  return 'ms' in reading ? reading.ms : undefined;
}

function parseSyntax(text: string): number | undefined {
  if (text === '0') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[-+]/, '');
  if (body === '') return undefined;
  PART.lastIndex = 0;
  let total = 0;
  while (PART.lastIndex < body.length) {
    const match = PART.exec(body);
    if (!match) return undefined;
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
  }
  return sign * total;
}

/** Shortest Go-style rendering of whole seconds, e.g. 600000 → `10m`, 5400000 → `1h30m`. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', seconds ? `${seconds}s` : ''].join('');
  return parts || '0s';
}
