import { SeededRandom } from '../../network/seeded-random.js';

/** Documentation ranges (RFC 5737), so no emulated address is anybody's real one. */
const RANGES = ['203.0.113', '198.51.100'];
const FIRST_HOST = 1;
const LAST_HOST = 254;

export class PublicIpPoolExhaustedError extends Error {
  constructor() {
    super('no free public IP left in the emulated ranges');
  }
}

/** Hands out unique public IPs in a seeded order. */
export class PublicIpPool {
  private readonly used = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  take(): string {
    const capacity = RANGES.length * (LAST_HOST - FIRST_HOST + 1);
    if (this.used.size >= capacity) throw new PublicIpPoolExhaustedError();
    for (;;) {
      const range = RANGES[this.random.integerBelow(RANGES.length)]!;
      const address = `${range}.${FIRST_HOST + this.random.integerBelow(LAST_HOST - FIRST_HOST + 1)}`;
      if (this.claim(address)) return address;
    }
  }

  /** Marks an address as used (out-of-band creation); false if it already was. */
  claim(address: string): boolean {
    if (this.used.has(address)) return false;
    this.used.add(address);
    return true;
  }

  release(address: string): void {
    this.used.delete(address);
  }

  reset(): void {
    this.used.clear();
  }
}
