/**
 * The Alibaba Cloud VPC 2016-04-28 + ECS 2014-05-26 emulator. One endpoint serves both products; the
 * official SDK clients reach it with `new $OpenApiUtil.Config({ accessKeyId, accessKeySecret,
 * endpoint: '127.0.0.1:PORT', protocol: 'http' })` (see README.md).
 */
import type { PodNetwork } from '../../network/pod-network.js';
import { createEmulatorAdmin } from '../common/admin-backend.js';
import { ClientTokenStore } from '../common/client-token-store.js';
import type { CloudEmulator } from '../common/cloud-emulator.js';
import type { Clock } from '../common/clock.js';
import { EmulatorKit } from '../common/emulator-kit.js';
import { startEmulatorServer } from '../common/emulator-server.js';
import { perMinute, type RateLimit } from '../common/rate-limiter.js';
import { NonceRegistry, type AlibabaCredential } from './acs3-signature.js';
import type { AlibabaContext, AlibabaDelays } from './alibaba-action.js';
import { alibabaAddressBook } from './alibaba-address-book.js';
import { alibabaProtocolHandler, type TokenAnswer } from './alibaba-protocol.js';
import { DEFAULT_EIP_QUOTA, EipInventory } from './eip-inventory.js';

export type { AlibabaCredential } from './acs3-signature.js';
export type { AlibabaDelays } from './alibaba-action.js';

export const DEFAULT_ALIBABA_REGION = 'cn-hangzhou';
export const DEFAULT_ALIBABA_CREDENTIALS: readonly AlibabaCredential[] = [
  { accessKeyId: 'LTAI5tPodeipEmulator01', accessKeySecret: 'podeip-emulator-secret-not-a-real-key' },
];
export const DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID = 'cbwp-podeipemulator000001';
export const DEFAULT_ALIBABA_DELAYS: AlibabaDelays = { associateMs: 50, unassociateMs: 50, releaseMs: 50, bandwidthPackageMs: 50 };
/** api.aliyun.com flow-control figures: AllocateEipAddress and AssociateEipAddress 120 calls per 60 s. */
export const DEFAULT_ALIBABA_RATE_LIMITS: Record<string, RateLimit> = {
  AllocateEipAddress: perMinute(120),
  AssociateEipAddress: perMinute(120),
};

export interface AlibabaEmulatorOptions {
  network: PodNetwork;
  /** 0 (default) picks a free port. */
  port?: number;
  region?: string;
  credentials?: readonly AlibabaCredential[];
  seed?: number;
  delaysMs?: Partial<AlibabaDelays>;
  /** EIPs the account may hold in the region (default 20). */
  quota?: number;
  /** Replaces DEFAULT_ALIBABA_RATE_LIMITS; false turns rate limiting off. */
  rateLimits?: Record<string, RateLimit> | false;
  /** Common bandwidth packages that exist (default: DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID). */
  bandwidthPackageIds?: readonly string[];
  clock?: Clock;
  /** A write on an EIP sooner than this after the previous one gets TaskConflict (default 0: off; the vendor gives no figure). */
  minOperationIntervalMs?: number;
}

export async function startAlibabaEmulator(options: AlibabaEmulatorOptions): Promise<CloudEmulator> {
  const kit = new EmulatorKit({
    seed: options.seed,
    clock: options.clock,
    rateLimits: options.rateLimits === false ? {} : (options.rateLimits ?? DEFAULT_ALIBABA_RATE_LIMITS),
    quota: options.quota ?? DEFAULT_EIP_QUOTA,
  });
  const context: AlibabaContext = {
    regionId: options.region ?? DEFAULT_ALIBABA_REGION,
    network: options.network,
    eips: new EipInventory(kit.random, kit.publicIps, () => kit.quota),
    bandwidthPackageIds: new Set(options.bandwidthPackageIds ?? [DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID]),
    scheduler: kit.transitions,
    delays: { ...DEFAULT_ALIBABA_DELAYS, ...options.delaysMs },
    resourceStates: kit.resourceStates,
    minOperationIntervalMs: options.minOperationIntervalMs ?? 0,
    now: () => kit.clock.now(),
  };
  const clientTokens = new ClientTokenStore<TokenAnswer>();
  const nonces = new NonceRegistry();
  const book = alibabaAddressBook(context, () => {
    clientTokens.reset();
    nonces.clear();
  });
  return startEmulatorServer({
    port: options.port,
    admin: createEmulatorAdmin(kit, options.network, book),
    handleApi: alibabaProtocolHandler({
      kit,
      context,
      credentials: options.credentials ?? DEFAULT_ALIBABA_CREDENTIALS,
      nonces,
      clientTokens,
    }),
    onClose: () => {
      kit.transitions.cancelAll();
      kit.faults.clear();
    },
  });
}
