/**
 * Deterministic randomness for the emulators and the workload simulation, so that a test run with
 * the same seed produces the same ids and addresses.
 */
export class SeededRandom {
  private state: number;

  constructor(seed = 1) {
    this.state = seed >>> 0 || 1;
  }

  /** mulberry32: small, fast and good enough for ids. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  integerBelow(limit: number): number {
    return Math.floor(this.next() * limit);
  }

  string(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.integerBelow(alphabet.length)];
    return out;
  }

  /** An id such as `eni-3kd9x0qa`: prefix, dash, `length` lowercase alphanumerics. */
  id(prefix: string, length = 8): string {
    return `${prefix}-${this.string(length)}`;
  }
}
