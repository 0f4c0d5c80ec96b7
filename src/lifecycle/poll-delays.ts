/**
 * Waiting for the cloud to finish an asynchronous step: per key, an early look, then the policy's
 * first wait growing by its factor up to its cap; or, for a cloud that declares when its steps
 * usually end, looks close together within that window and growing waits after it.
 */
import type { RetryPolicy } from '../controller/retry-policy.js';
import type { StepWindow } from '../providers/provider.js';

/**
 * The early look: the emulators and many real steps finish within tens of milliseconds, and waiting
 * the policy's first 500 ms for them made one pod take 0.58 s to bind on 70 ms of cloud delay. It
 * adds at most one look to a long step: the later looks happen when they always did (issue 10).
 */
export const EARLY_LOOK_MS = 100;

interface Looks {
  attempt: number;
  /** Since the step began: the sum of the waits given so far. */
  elapsedMs: number;
}

export class PollDelays {
  private readonly looks = new Map<string, Looks>();
  private readonly window: StepWindow | undefined;

  constructor(
    private readonly policy: RetryPolicy['polls'],
    expected?: StepWindow,
  ) {
    // A first wait at or under the early look (pollIntervalMs 10) asks for quick looks throughout.
    this.window = policy.firstMs > EARLY_LOOK_MS ? expected : undefined;
  }

  next(key: string): number {
    const looks = this.looks.get(key) ?? { attempt: 0, elapsedMs: 0 };
    const wait = this.window && looks.attempt > 0 ? this.waitAround(this.window, looks.elapsedMs) : this.policyWait(looks.attempt);
    this.looks.set(key, { attempt: looks.attempt + 1, elapsedMs: looks.elapsedMs + wait });
    return wait;
  }

  settled(key: string): void {
    this.looks.delete(key);
  }

  private policyWait(attempt: number): number {
    const { firstMs, maxMs, growth } = this.policy;
    if (firstMs <= EARLY_LOOK_MS) return Math.min(maxMs, Math.round(firstMs * growth ** attempt));
    if (attempt === 0) return EARLY_LOOK_MS;
    if (attempt === 1) return firstMs - EARLY_LOOK_MS;
    return Math.min(maxMs, Math.round(firstMs * growth ** (attempt - 1)));
  }

  /**
   * After the early look: the window's start, then every first wait (500 ms by default) to its end,
   * then waits growing with the time already waited. With the default, a step ending at a random
   * moment of 1–3 s is seen 250 ms late on average instead of 761 ms, for 4.5 looks instead of 4.2:
   * about the call budget of the growing waits (issue 10); 250 ms apart would halve the lag for 6.5.
   */
  private waitAround(window: StepWindow, elapsedMs: number): number {
    const { firstMs, maxMs, growth } = this.policy;
    if (elapsedMs < window.fromMs) return window.fromMs - elapsedMs;
    if (elapsedMs < window.toMs) return Math.min(firstMs, window.toMs - elapsedMs);
    return Math.min(maxMs, Math.max(firstMs, Math.round(elapsedMs * (growth - 1))));
  }
}
