import { SeededRandom } from '../../network/seeded-random.js';

const FIRST_HOST = 1;
const LAST_HOST = 254;
const HOSTS_PER_PREFIX = LAST_HOST - FIRST_HOST + 1;

/** The /24 prefixes of 198.18.0.0/15, which RFC 2544 reserves for network benchmarks (never routed on the Internet). */
const BENCHMARKING_PREFIXES = Array.from({ length: 512 }, (_, index) => `198.${18 + (index >> 8)}.${index & 255}`);

/**
 * Where emulated addresses come from, in order: the documentation ranges (RFC 5737) first, so
 * small runs show the familiar 203.0.113.x / 198.51.100.x, then the benchmarking range for runs of
 * tens of thousands. No emulated address is anybody's real one.
 */
const TIERS: string[][] = [['203.0.113', '198.51.100'], BENCHMARKING_PREFIXES];

export const PUBLIC_IP_CAPACITY = TIERS.reduce((total, prefixes) => total + prefixes.length * HOSTS_PER_PREFIX, 0);

const TIER_OF_PREFIX = new Map(TIERS.flatMap((prefixes, tier) => prefixes.map((prefix) => [prefix, tier] as const)));

export class PublicIpPoolExhaustedError extends Error {
  constructor() {
    super('no free public IP left in the emulated ranges');
  }
}

/** Hands out unique public IPs in a seeded order. */
export class PublicIpPool {
  private readonly used = new Set<string>();
  /** Per tier, how many of its host addresses are used. */
  private readonly usedPerTier = TIERS.map(() => 0);

  constructor(private readonly random: SeededRandom) {}

  take(): string {
    const tier = TIERS.findIndex((prefixes, index) => this.usedPerTier[index]! < prefixes.length * HOSTS_PER_PREFIX);
    if (tier < 0) throw new PublicIpPoolExhaustedError();
    const prefixes = TIERS[tier]!;
    for (;;) {
      const prefix = prefixes[this.random.integerBelow(prefixes.length)]!;
      const address = `${prefix}.${FIRST_HOST + this.random.integerBelow(HOSTS_PER_PREFIX)}`;
      if (this.claim(address)) return address;
    }
  }

  /** Marks an address as used (out-of-band creation); false if it already was. */
  claim(address: string): boolean {
    if (this.used.has(address)) return false;
    this.used.add(address);
    this.count(address, 1);
    return true;
  }

  release(address: string): void {
    if (this.used.delete(address)) this.count(address, -1);
  }

  reset(): void {
    this.used.clear();
    this.usedPerTier.fill(0);
  }

  private count(address: string, change: number): void {
    const host = Number(address.slice(address.lastIndexOf('.') + 1));
    const tier = TIER_OF_PREFIX.get(address.slice(0, address.lastIndexOf('.')));
    if (tier !== undefined && host >= FIRST_HOST && host <= LAST_HOST) this.usedPerTier[tier]! += change;
  }
}
