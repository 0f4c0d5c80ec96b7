/** The Tencent Cloud VPC 2017-03-12 EIP emulator (see README.md). */
import type { PodNetwork } from '../../network/pod-network.js';
import {
  createEmulatorAdmin,
  EmulatorKit,
  startEmulatorServer,
  type CloudEmulator,
  type Clock,
} from '../common/index.js';
import { TencentAddressBook } from './address-book.js';
import { DEFAULT_TENCENT_RATE_LIMITS, tokenBuckets } from './rate-limits.js';
import type { TencentCredential } from './tc3-signature.js';
import { DEFAULT_DELAYS_MS, type TencentContext, type TransitionDelays } from './tencent-context.js';
import { tencentApiHandler } from './tencent-protocol.js';

export type { TencentCredential } from './tc3-signature.js';
export type { TransitionDelays } from './tencent-context.js';
export { DEFAULT_DELAYS_MS } from './tencent-context.js';
export { DEFAULT_TENCENT_RATE_LIMITS } from './rate-limits.js';

export const DEFAULT_TENCENT_CREDENTIALS: TencentCredential[] = [
  { secretId: 'AKIDpodeipEmulator0000000000000000', secretKey: 'podeipEmulatorSecretKey000000000' },
];
/** Documented default: 20 EIPs per account per region. */
export const DEFAULT_TENCENT_QUOTA = 20;

export interface TencentEmulatorOptions {
  network: PodNetwork;
  port?: number;
  /** Default ap-guangzhou. */
  region?: string;
  credentials?: TencentCredential[];
  seed?: number;
  /** Per transition; defaults DEFAULT_DELAYS_MS (20–50 ms). */
  delaysMs?: Partial<TransitionDelays>;
  quota?: number;
  /** Allocations per UTC day; default quota × 2 as documented; false = unlimited. */
  dailyAllocateLimit?: number | false;
  /** Calls per second per action; default DEFAULT_TENCENT_RATE_LIMITS; false = unlimited. */
  rateLimits?: Record<string, number> | false;
  clock?: Clock;
}

export async function startTencentEmulator(options: TencentEmulatorOptions): Promise<CloudEmulator> {
  const kit = new EmulatorKit({
    seed: options.seed,
    clock: options.clock,
    rateLimits: tokenBuckets(options.rateLimits ?? DEFAULT_TENCENT_RATE_LIMITS),
    quota: options.quota ?? DEFAULT_TENCENT_QUOTA,
  });
  const book = new TencentAddressBook(kit, options.network);
  const context: TencentContext = {
    kit,
    network: options.network,
    book,
    delays: { ...DEFAULT_DELAYS_MS, ...options.delaysMs },
    region: options.region ?? 'ap-guangzhou',
    dailyAllocateLimit: options.dailyAllocateLimit,
  };
  return startEmulatorServer({
    port: options.port,
    admin: createEmulatorAdmin(kit, options.network, book),
    handleApi: tencentApiHandler(context, options.credentials ?? DEFAULT_TENCENT_CREDENTIALS),
    onClose: () => kit.transitions.cancelAll(),
  });
}
