import { SeededRandom } from '../../network/seeded-random.js';
import type { Clock } from './clock.js';

/** Action name that makes a fault apply to every action. */
export const ANY_ACTION = '*';

export interface FaultSpec {
  /** API action name, or `*` for every action. */
  action: string;
  /** Share of calls that fail, 0..1. Defaults to 1 when errorCode is given, else 0. */
  errorRate?: number;
  /** Error code to return; defaults to the provider's internal-error code. */
  errorCode?: string;
  errorMessage?: string;
  /** Added before the call is handled. */
  latencyMs?: number;
  /** The call is not answered until the fault is cleared (then it is handled) or the emulator closes. */
  hang?: boolean;
}

export interface InjectedError {
  code?: string;
  message?: string;
}

export class InvalidFaultError extends Error {}

export class FaultInjector {
  private readonly faults = new Map<string, FaultSpec>();
  private releaseHangs: Array<() => void> = [];
  private hangWatchers: Array<{ count: number; notify: () => void }> = [];

  constructor(
    private readonly random: SeededRandom,
    private readonly clock: Clock,
  ) {}

  set(fault: FaultSpec): void {
    this.faults.set(validFault(fault).action, { ...fault });
  }

  list(): FaultSpec[] {
    return [...this.faults.values()].map((fault) => ({ ...fault }));
  }

  /** Clears one action's fault, or all of them; hanging calls then proceed. */
  clear(action?: string): void {
    if (action === undefined) this.faults.clear();
    else this.faults.delete(action);
    const hanging = this.releaseHangs;
    this.releaseHangs = [];
    hanging.forEach((release) => release());
  }

  /** Applies latency and hangs for the action, then says whether the call must fail. */
  async apply(action: string): Promise<InjectedError | undefined> {
    const fault = this.faults.get(action) ?? this.faults.get(ANY_ACTION);
    if (!fault) return undefined;
    if (fault.latencyMs) await this.sleep(fault.latencyMs);
    if (fault.hang) await this.hold();
    if (!this.fails(fault)) return undefined;
    return { code: fault.errorCode, message: fault.errorMessage };
  }

  /** Resolves once at least `count` calls are held by hang faults. */
  untilHanging(count = 1): Promise<void> {
    if (this.releaseHangs.length >= count) return Promise.resolve();
    return new Promise((notify) => this.hangWatchers.push({ count, notify }));
  }

  private hold(): Promise<void> {
    const held = new Promise<void>((resolve) => this.releaseHangs.push(resolve));
    const reached = this.hangWatchers.filter((watcher) => watcher.count <= this.releaseHangs.length);
    this.hangWatchers = this.hangWatchers.filter((watcher) => !reached.includes(watcher));
    reached.forEach((watcher) => watcher.notify());
    return held;
  }

  private fails(fault: FaultSpec): boolean {
    const rate = fault.errorRate ?? (fault.errorCode ? 1 : 0);
    return rate > 0 && this.random.next() < rate;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.clock.setTimer(resolve, ms));
  }
}

function validFault(fault: FaultSpec): FaultSpec {
  if (typeof fault?.action !== 'string' || fault.action === '') throw new InvalidFaultError('fault.action is required');
  const rate = fault.errorRate;
  if (rate !== undefined && !(typeof rate === 'number' && rate >= 0 && rate <= 1)) {
    throw new InvalidFaultError('fault.errorRate must be a number in 0..1');
  }
  if (fault.latencyMs !== undefined && !(typeof fault.latencyMs === 'number' && fault.latencyMs >= 0)) {
    throw new InvalidFaultError('fault.latencyMs must be a non-negative number');
  }
  return fault;
}
