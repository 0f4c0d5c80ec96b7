/**
 * The Alibaba row of the parameterised lifecycle suite (test/integration/provider-rows.ts), kept here
 * until the suite's owner adds it to PROVIDER_ROWS; the readiness-gate test uses it meanwhile.
 */
import { DEFAULT_ALIBABA_CREDENTIALS, DEFAULT_ALIBABA_REGION, startAlibabaEmulator } from '../../../hack/cloud/alibaba/index.js';
import type { ProviderRow } from '../../integration/provider-rows.js';

const ACK = 'k8s.aliyun.com/';
const keepFor = (keep: boolean | undefined): Record<string, string> => (keep ? { [`${ACK}pod-eip-release-strategy`]: 'Never' } : {});

export const ALIBABA_ROW: ProviderRow = {
  name: 'alibaba',
  region: DEFAULT_ALIBABA_REGION,
  idStyle: 'alibaba',
  credentialsEnv: {
    ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_ALIBABA_CREDENTIALS[0]!.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_ALIBABA_CREDENTIALS[0]!.accessKeySecret,
  },
  startEmulator: (network, settings) =>
    startAlibabaEmulator({
      network,
      delaysMs: { associateMs: 10, unassociateMs: 10, releaseMs: 5 },
      ...(settings.quota !== undefined ? { quota: settings.quota } : {}),
      ...(settings.rateLimits === false ? { rateLimits: false } : {}),
    }),
  ownedRequest: (options = {}) => ({ [`${ACK}pod-with-eip`]: 'true', [`${ACK}eip-bandwidth`]: '10M', ...keepFor(options.keep) }),
  staticRequest: (addressIds, options = {}) => {
    if (addressIds.length !== 1) throw new Error('an Alibaba pod names one static address (pod-eip-instanceid); ordinal lists are Tencent only');
    return { [`${ACK}pod-eip-instanceid`]: addressIds[0]!, ...keepFor(options.keep) };
  },
  malformedRequest: () => ({ [`${ACK}pod-with-eip`]: 'true', [`${ACK}eip-bandwidth`]: 'ten' }),
  malformedMessage: `annotation ${ACK}eip-bandwidth must be a whole number of Mbps such as "5" or "5M", got "ten"`,
  typo: {
    annotation: `${ACK}eip-isp`,
    value: 'NOPE',
    message: `annotation ${ACK}eip-isp must be one of BGP, BGP_PRO, ChinaTelecom, ChinaUnicom, ChinaMobile, ChinaTelecom_L2, ChinaUnicom_L2, ChinaMobile_L2, got "NOPE"`,
  },
  publicIpAnnotation: `${ACK}allocated-eipAddress`,
  allocateAction: 'AllocateEipAddress',
  writeActions: ['AllocateEipAddress', 'AssociateEipAddress', 'UnassociateEipAddress', 'ReleaseEipAddress'],
  describeAction: 'DescribeEipAddresses',
  status: { bound: 'InUse', available: 'Available' },
};
