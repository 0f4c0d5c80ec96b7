/** Outcome code recorded for a successful call. */
export const SUCCESS_CODE = 'OK';

/** Calls per action, then per outcome code (`OK` or the error code returned). */
export type CallCounts = Record<string, Record<string, number>>;

export class CallLog {
  private counts: CallCounts = {};

  record(action: string, code: string = SUCCESS_CODE): void {
    const byCode = (this.counts[action] ??= {});
    byCode[code] = (byCode[code] ?? 0) + 1;
  }

  snapshot(): CallCounts {
    return structuredClone(this.counts);
  }

  reset(): void {
    this.counts = {};
  }
}
