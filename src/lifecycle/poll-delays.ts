/** Waiting for the cloud to finish an asynchronous step: per key, the wait grows ×1.5 up to a cap. */
export class PollDelays {
  private readonly attempts = new Map<string, number>();

  constructor(
    private readonly firstMs: number,
    private readonly maxMs: number,
  ) {}

  next(key: string): number {
    const attempt = this.attempts.get(key) ?? 0;
    this.attempts.set(key, attempt + 1);
    return Math.min(this.maxMs, Math.round(this.firstMs * 1.5 ** attempt));
  }

  settled(key: string): void {
    this.attempts.delete(key);
  }
}
