/**
 * What the benchmark needs to know about each cloud: how a pod asks for an owned address that is
 * kept (policy Never), which emulator to start, the action names, and the documented write rates.
 */
import { DEFAULT_ALIBABA_REGION, startAlibabaEmulator } from '../cloud/alibaba/index.js';
import { DEFAULT_TENCENT_RATE_LIMITS, startTencentEmulator } from '../cloud/tencent/index.js';
import type { CloudEmulator } from '../cloud/common/index.js';
import type { PodNetwork } from '../network/pod-network.js';

export type BenchProviderName = 'tencent' | 'alibaba';

/** A documented rate limit: `burst` calls may go at once, then `perSecond` on average. */
export interface WriteLimit {
  perSecond: number;
  burst: number;
}

const perSecond = (rate: number): WriteLimit => ({ perSecond: rate, burst: rate });

export interface BenchProvider {
  name: BenchProviderName;
  region: string;
  /** Pod template annotations: an owned address, retained after the pod (policy Never). */
  podAnnotations: Record<string, string>;
  allocateAction: string;
  associateAction: string;
  describeAction: string;
  writeActions: string[];
  /** Documented limits of the writes a claim needs; absent = no documented limit. */
  documentedLimits: { allocate: WriteLimit; associate: WriteLimit; disassociate?: WriteLimit };
  /** The emulator's rate limits as the output states them. */
  rateLimitNote: string;
  /** Starts the emulator with its documented rate limits, and quotas that do not cap the run. */
  startEmulator(network: PodNetwork, quota: number): Promise<CloudEmulator>;
}

const TENCENT: BenchProvider = {
  name: 'tencent',
  region: 'ap-guangzhou',
  podAnnotations: {
    'tke.cloud.tencent.com/eip-attributes': '{"Bandwidth":"10","ISP":"BGP"}',
    'tke.cloud.tencent.com/eip-claim-delete-policy': 'Never',
  },
  allocateAction: 'AllocateAddresses',
  associateAction: 'AssociateAddress',
  describeAction: 'DescribeAddresses',
  writeActions: ['AllocateAddresses', 'AssociateAddress', 'DisassociateAddress', 'ReleaseAddresses'],
  documentedLimits: {
    allocate: perSecond(DEFAULT_TENCENT_RATE_LIMITS.AllocateAddresses!),
    associate: perSecond(DEFAULT_TENCENT_RATE_LIMITS.AssociateAddress!),
    disassociate: perSecond(DEFAULT_TENCENT_RATE_LIMITS.DisassociateAddress!),
  },
  rateLimitNote: 'documented rate limits on: 10/s per write action, 20/s per describe action (token buckets, burst = rate)',
  startEmulator: (network, quota) => startTencentEmulator({ network, quota, dailyAllocateLimit: false }),
};

const ALIBABA: BenchProvider = {
  name: 'alibaba',
  region: DEFAULT_ALIBABA_REGION,
  podAnnotations: {
    'k8s.aliyun.com/pod-with-eip': 'true',
    'k8s.aliyun.com/eip-bandwidth': '10M',
    'k8s.aliyun.com/pod-eip-release-strategy': 'Never',
  },
  allocateAction: 'AllocateEipAddress',
  associateAction: 'AssociateEipAddress',
  describeAction: 'DescribeEipAddresses',
  writeActions: ['AllocateEipAddress', 'AssociateEipAddress', 'UnassociateEipAddress', 'ReleaseEipAddress'],
  documentedLimits: { allocate: { perSecond: 2, burst: 120 }, associate: { perSecond: 2, burst: 120 } },
  rateLimitNote: 'documented rate limits on: AllocateEipAddress and AssociateEipAddress 120 per minute each (token buckets, burst 120)',
  startEmulator: (network, quota) => startAlibabaEmulator({ network, quota }),
};

export const BENCH_PROVIDERS: Record<BenchProviderName, BenchProvider> = { tencent: TENCENT, alibaba: ALIBABA };

/**
 * The least time N new claims can take: each needs one allocate and one associate, and each action
 * has its own documented limit, so the slower action's N calls (less its burst) set the floor.
 */
export function bindFloorSeconds(provider: BenchProvider, claims: number): number {
  const { allocate, associate } = provider.documentedLimits;
  return floorOf(claims, [allocate, associate]);
}

/** The same for N binds from warm pool spares: no allocation, one associate each. */
export function warmBindFloorSeconds(provider: BenchProvider, claims: number): number {
  return floorOf(claims, [provider.documentedLimits.associate]);
}

/** The same for moving N kept addresses to re-created pods: one disassociate and one associate each. */
export function rebindFloorSeconds(provider: BenchProvider, claims: number): number {
  const { associate, disassociate } = provider.documentedLimits;
  return floorOf(claims, disassociate ? [associate, disassociate] : [associate]);
}

function floorOf(calls: number, limits: WriteLimit[]): number {
  return Math.max(...limits.map(({ perSecond, burst }) => Math.max(0, calls - burst) / perSecond));
}

/** How long the associate bucket takes to win back the N calls bind spent (at most its burst): churn needs it full. */
export function associateRefillSeconds(provider: BenchProvider, claims: number): number {
  const { perSecond, burst } = provider.documentedLimits.associate;
  return Math.min(burst, claims) / perSecond;
}
