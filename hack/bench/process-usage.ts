/**
 * What a process costs, read from Linux's /proc as `ps` and `top` do: resident memory now (VmRSS)
 * and at its highest (VmHWM), and the CPU time it has used (utime + stime, in clock ticks).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MIB = 1024 * 1024;

export interface MemoryReading {
  rssMiB: number;
  peakRssMiB: number;
}

export function memoryOf(pid: number): MemoryReading {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rssMiB: kibField(status, 'VmRSS') / 1024, peakRssMiB: kibField(status, 'VmHWM') / 1024 };
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond();
}

/** The highest VmRSS seen, sampled every `intervalMs` until stop() (VmHWM also catches peaks between samples). */
export function watchMemory(pid: number, intervalMs = 50): { stop(): MemoryReading } {
  let highest = memoryOf(pid);
  const timer = setInterval(() => {
    try {
      const now = memoryOf(pid);
      highest = { rssMiB: Math.max(highest.rssMiB, now.rssMiB), peakRssMiB: Math.max(highest.peakRssMiB, now.peakRssMiB) };
    } catch {
      // The process has exited; its last readings stand.
    }
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return highest;
    },
  };
}

export function bytesToMiB(bytes: number): number {
  return bytes / MIB;
}

let ticks: number | undefined;

function clockTicksPerSecond(): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticks;
}

function kibField(status: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`/proc status has no ${name}`);
  return Number(match[1]);
}
