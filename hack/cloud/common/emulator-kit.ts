import { SeededRandom } from '../../network/seeded-random.js';
import { CallLog } from './call-log.js';
import { systemClock, type Clock } from './clock.js';
import { FaultInjector } from './fault-injector.js';
import { PublicIpPool } from './public-ip-pool.js';
import { RateLimiter, type RateLimit } from './rate-limiter.js';
import { ResourceStates } from './resource-states.js';
import { TransitionScheduler } from './transition-scheduler.js';

export interface EmulatorKitOptions {
  seed?: number;
  clock?: Clock;
  rateLimits: Record<string, RateLimit>;
  /** Default account quota of addresses. */
  quota: number;
}

/** What stops a call before its handler runs. */
export type Admission =
  | { kind: 'admitted' }
  | { kind: 'throttled' }
  | { kind: 'fault'; code?: string; message?: string };

/** The provider-independent machinery every emulator is built from. */
export class EmulatorKit {
  readonly clock: Clock;
  readonly random: SeededRandom;
  readonly calls = new CallLog();
  readonly faults: FaultInjector;
  readonly limiter: RateLimiter;
  readonly transitions: TransitionScheduler;
  readonly publicIps: PublicIpPool;
  /** Instance, ENI and address states set through the admin API. */
  readonly resourceStates = new ResourceStates();
  readonly defaultQuota: number;
  quota: number;

  constructor(options: EmulatorKitOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = new SeededRandom(options.seed ?? 1);
    this.faults = new FaultInjector(new SeededRandom((options.seed ?? 1) + 1), this.clock);
    this.limiter = new RateLimiter(options.rateLimits, this.clock);
    this.transitions = new TransitionScheduler(this.clock, new SeededRandom((options.seed ?? 1) + 2));
    this.publicIps = new PublicIpPool(this.random);
    this.defaultQuota = options.quota;
    this.quota = options.quota;
  }

  /** Rate limit first (a throttled call never reaches the backend), then injected faults. */
  async admit(action: string): Promise<Admission> {
    if (!this.limiter.tryAcquire(action)) return { kind: 'throttled' };
    const fault = await this.faults.apply(action);
    return fault ? { kind: 'fault', ...fault } : { kind: 'admitted' };
  }

  reset(): void {
    this.transitions.cancelAll();
    this.faults.clear();
    this.calls.reset();
    this.limiter.reset();
    this.publicIps.reset();
    this.resourceStates.clear();
    this.quota = this.defaultQuota;
    this.transitions.stepDelays = undefined;
  }
}
