/**
 * About one cloud write in ten fails: every write action gets a fault with error rate 0.1 and one of
 * its long-tail codes, and each call to `rotate` picks the codes anew, so a run meets many of them.
 */
import type { CloudEmulator } from '../cloud/common/index.js';
import type { BenchProvider } from '../bench/bench-providers.js';
import type { SeededRandom } from '../network/seeded-random.js';
import { longTailCodes } from './long-tail-codes.js';

const WRITE_ERROR_RATE = 0.1;

/** Writes beyond allocate, associate, unbind and release: Alibaba tags an address with a call of its own. */
const EXTRA_WRITES: Record<string, string[]> = { tencent: [], alibaba: ['TagResources'] };

export class CloudFaults {
  private readonly codes: Array<[action: string, codes: string[]]>;

  constructor(
    private readonly cloud: CloudEmulator,
    provider: BenchProvider,
    private readonly random: SeededRandom,
  ) {
    const actions = [...provider.writeActions, ...EXTRA_WRITES[provider.name]!];
    this.codes = actions.map((action) => [action, longTailCodes(provider.name, action)]);
  }

  rotate(): void {
    for (const [action, codes] of this.codes) {
      const errorCode = codes[this.random.integerBelow(codes.length)]!;
      this.cloud.admin.setFault({ action, errorRate: WRITE_ERROR_RATE, errorCode, errorMessage: `chaos: ${errorCode}` });
    }
  }

  stop(): void {
    this.cloud.admin.clearFaults();
  }

  /** How many codes each write action draws from. */
  codeCounts(): Record<string, number> {
    return Object.fromEntries(this.codes.map(([action, codes]) => [action, codes.length]));
  }
}
