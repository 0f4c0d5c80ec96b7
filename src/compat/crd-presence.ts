/**
 * Notices a CRD being installed or removed while podeip runs: asks every interval (and once at
 * start) and reports each change. Polling, not a watch on CRDs, so podeip needs only `get` on the
 * one CRD it cares about.
 */
import type { Logger } from 'pino';

export class CrdPresence {
  private timer: NodeJS.Timeout | undefined;
  private served = false;
  private running = false;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly isServed: () => Promise<boolean>,
    private readonly onChange: (served: boolean) => void,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  /** Resolves after the first check. */
  async start(): Promise<void> {
    this.running = true;
    await this.checkNow();
    if (this.running) this.timer = setInterval(() => void this.checkNow(), this.intervalMs);
  }

  /** A later start() reports the CRD afresh. */
  stop(): void {
    this.running = false;
    clearInterval(this.timer);
    this.served = false;
  }

  /** Single-flight: a check asked for while one runs joins it. */
  checkNow(): Promise<void> {
    this.checking ??= this.check().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async check(): Promise<void> {
    let served: boolean;
    try {
      served = await this.isServed();
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read the CRD; keeping what was known');
      return;
    }
    if (!this.running || served === this.served) return;
    this.served = served;
    this.onChange(served);
  }
}
