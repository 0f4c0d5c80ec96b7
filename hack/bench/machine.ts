/** The machine a figure was measured on, for the output and docs/benchmarks.md. */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
}

export function describeMachine(): Machine {
  return { cpu: cpuModel(), cores: availableParallelism(), node: process.version };
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((text) => text.startsWith('model name'));
    if (line) return line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown';
}
