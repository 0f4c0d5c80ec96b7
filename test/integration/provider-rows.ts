/**
 * What the integration suite needs to know about each provider: how a pod asks for an address in
 * that provider's annotations, which emulator to start, and how the emulator spells address states.
 * The Alibaba row lives with the Alibaba provider's tests (test/providers/alibaba/alibaba-row.ts).
 */
import type { CloudEmulator } from '../../hack/cloud/common/index.js';
import { DEFAULT_TENCENT_CREDENTIALS, startTencentEmulator } from '../../hack/cloud/tencent/index.js';
import type { PodNetwork } from '../../hack/network/pod-network.js';
import type { ProviderName } from '../../src/providers/provider.js';
import { ALIBABA_ROW } from '../providers/alibaba/alibaba-row.js';

export interface EmulatorSettings {
  quota?: number;
  rateLimits?: false;
}

export interface ProviderRow {
  name: ProviderName;
  region: string;
  idStyle: 'tencent' | 'alibaba';
  /** The SDK credential chain's environment variables for the emulator's keys. */
  credentialsEnv: Record<string, string>;
  startEmulator(network: PodNetwork, settings: EmulatorSettings): Promise<CloudEmulator>;
  /** Annotations asking for an owned address; `keep` = retained after the pod (Never). */
  ownedRequest(options?: { keep?: boolean }): Record<string, string>;
  /** Annotations asking for static addresses (one, or with staticIdLists a list picked by ordinal). */
  staticRequest(addressIds: string[], options?: { keep?: boolean }): Record<string, string>;
  /** Whether one annotation can list several static addresses for a StatefulSet's ordinals. */
  staticIdLists?: boolean;
  /** An owned request whose allocation parameters cannot be understood, and the Warning it earns. */
  malformedRequest(): Record<string, string>;
  malformedMessage: string;
  /** Replaces a valid owned request's value with one that is out of range, and the Warning it earns. */
  typo: { annotation: string; value: string; message: string };
  /** The provider-family output annotation carrying the public IP. */
  publicIpAnnotation: string;
  allocateAction: string;
  /** Error codes for injected faults: a busy resource and throttling (absent: the emulator's internal error). */
  faultCodes?: { busy: string; throttled: string };
  /** An error code the cloud uses for a caller without permission (rows without one skip that test). */
  unauthorizedCode?: string;
  /** The cloud's write actions in this order: allocate, associate, disassociate, release. */
  writeActions: string[];
  describeAction: string;
  status: { bound: string; available: string };
}

export const TENCENT_ROW: ProviderRow = {
  name: 'tencent',
  region: 'ap-guangzhou',
  idStyle: 'tencent',
  credentialsEnv: {
    TENCENTCLOUD_SECRET_ID: DEFAULT_TENCENT_CREDENTIALS[0]!.secretId,
    TENCENTCLOUD_SECRET_KEY: DEFAULT_TENCENT_CREDENTIALS[0]!.secretKey,
  },
  startEmulator: (network, settings) =>
    startTencentEmulator({
      network,
      delaysMs: { create: 5, bind: 10, unbind: 10, release: 5 },
      ...(settings.quota !== undefined ? { quota: settings.quota, dailyAllocateLimit: false } : {}),
      ...(settings.rateLimits === false ? { rateLimits: false } : {}),
    }),
  ownedRequest: (options = {}) => ({
    'tke.cloud.tencent.com/eip-attributes': '{"Bandwidth":"10","ISP":"BGP"}',
    ...(options.keep ? { 'tke.cloud.tencent.com/eip-claim-delete-policy': 'Never' } : {}),
  }),
  staticRequest: (addressIds, options = {}) => ({
    'tke.cloud.tencent.com/eip-id-list': addressIds.join(','),
    ...(options.keep ? { 'tke.cloud.tencent.com/eip-claim-delete-policy': 'Never' } : {}),
  }),
  staticIdLists: true,
  malformedRequest: () => ({ 'tke.cloud.tencent.com/eip-attributes': '{"Bandwidth": "ten"' }),
  malformedMessage: 'annotation tke.cloud.tencent.com/eip-attributes is not valid JSON',
  typo: {
    annotation: 'tke.cloud.tencent.com/eip-attributes',
    value: '{"ISP":"NOPE"}',
    message: 'annotation tke.cloud.tencent.com/eip-attributes ISP must be one of BGP, CMCC, CTCC, CUCC, got "NOPE"',
  },
  publicIpAnnotation: 'tke.cloud.tencent.com/eip-public-ip',
  allocateAction: 'AllocateAddresses',
  unauthorizedCode: 'UnauthorizedOperation',
  faultCodes: { busy: 'OperationDenied.MutexTaskRunning', throttled: 'RequestLimitExceeded' },
  writeActions: ['AllocateAddresses', 'AssociateAddress', 'DisassociateAddress', 'ReleaseAddresses'],
  describeAction: 'DescribeAddresses',
  status: { bound: 'BIND', available: 'UNBIND' },
};

export const PROVIDER_ROWS: ProviderRow[] = [TENCENT_ROW, ALIBABA_ROW];

export type WriteStep = 'allocate' | 'associate' | 'disassociate' | 'release';
const WRITE_STEPS: WriteStep[] = ['allocate', 'associate', 'disassociate', 'release'];

/** The row's action name for one write step, e.g. release → ReleaseAddresses / ReleaseEipAddress. */
export function actionOf(row: ProviderRow, step: WriteStep): string {
  return row.writeActions[WRITE_STEPS.indexOf(step)]!;
}
