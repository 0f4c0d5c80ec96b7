/**
 * When to make the next pass over ip-masq-agent-config, so that many binds and unbinds become few
 * writes: a change is written once no other has come for `quietMs`, or once the oldest unwritten one
 * is `maxDelayMs` old. Without changes the ConfigMap is still re-read every `resyncMs` (an edit that
 * removed a pod's entry is repaired, a ConfigMap created later is noticed); a pass that could not
 * put the entries in place is retried after `retryMs`. Times are monotonic milliseconds.
 */
export interface PassTiming {
  quietMs: number;
  maxDelayMs: number;
  resyncMs: number;
  retryMs: number;
}

export const DEFAULT_PASS_TIMING: PassTiming = { quietMs: 1_000, maxDelayMs: 5_000, resyncMs: 60_000, retryMs: 10_000 };

export class PassSchedule {
  /** The wanted entries (as a fingerprint) the last successful pass put in place. */
  private applied: string | undefined;
  private seen: string | undefined;
  private lastChangeAt = 0;
  private firstUnwrittenAt: number | undefined;
  /** A resync or retry is due then; 0: at once (the first pass). */
  private nextPassAt = 0;
  private retryAt = 0;

  constructor(private readonly timing: PassTiming) {}

  /** Called on each look at the wanted entries; true when a pass should run now. */
  due(fingerprint: string, now: number): boolean {
    if (fingerprint !== this.seen) {
      this.seen = fingerprint;
      this.lastChangeAt = now;
    }
    if (fingerprint === this.applied) this.firstUnwrittenAt = undefined;
    else this.firstUnwrittenAt ??= now;
    if (now < this.retryAt) return false;
    if (now >= this.nextPassAt) return true;
    if (this.firstUnwrittenAt === undefined) return false;
    return now - this.lastChangeAt >= this.timing.quietMs || now - this.firstUnwrittenAt >= this.timing.maxDelayMs;
  }

  /** A pass for `fingerprint` ended at `now`, with the entries in place or not. */
  passed(fingerprint: string, inPlace: boolean, now: number): void {
    this.firstUnwrittenAt = undefined;
    if (inPlace) {
      this.applied = fingerprint;
      this.retryAt = 0;
      this.nextPassAt = now + this.timing.resyncMs;
    } else {
      this.retryAt = now + this.timing.retryMs;
      this.nextPassAt = this.retryAt;
    }
  }
}
