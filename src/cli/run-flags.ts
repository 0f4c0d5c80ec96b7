/** `podeip run` flags (SPEC §8) and their validation; a bad value is one line of error and exit code 2. */
import { MAX_DURATION, readGoDuration } from '../util/duration.js';
import { parseBindAddress } from '../server/http-endpoints.js';
import { DEFAULT_TIMINGS, type LeaderElectionTimings, timingsProblem } from '../leader/index.js';
import type { ProviderName } from '../providers/provider.js';
import { FlagError, type FlagSpec, parseFlags, usageLines } from './flag-parser.js';

export const MIN_CLAIM_EXPIRED_MS = 5 * 60_000;

export const RUN_FLAGS: FlagSpec[] = [
  { name: 'provider', kind: 'string', help: 'cloud provider: tencent or alibaba', defaultText: 'tencent' },
  { name: 'region', kind: 'string', help: 'cloud region, e.g. ap-guangzhou or cn-hangzhou (required)' },
  { name: 'cluster-id', kind: 'string', help: 'this cluster\'s id, unique per cloud account, written as the podeip.io/cluster tag on every address (required)' },
  { name: 'claim-expired-duration', kind: 'string', help: 'release a retained claim\'s address this long after its pod is gone; Go duration, at least 5m', defaultText: 'never' },
  { name: 'enable-ownerref', kind: 'boolean', help: 'give new claims an owner reference to the pod\'s workload, so deleting it releases their addresses' },
  { name: 'allow-address-takeover', kind: 'boolean', help: 'bind a static address even when something podeip did not bind holds it' },
  { name: 'static-addresses', kind: 'string', help: 'any: a pod may name any address of the account; pooled: only an address an EIPPool that admits the pod lends', defaultText: 'any' },
  { name: 'namespace', kind: 'string', help: 'watch only this namespace', defaultText: 'all namespaces' },
  { name: 'kubeconfig', kind: 'string', help: 'path to a kubeconfig', defaultText: 'in-cluster, then $KUBECONFIG' },
  { name: 'metrics-bind-address', kind: 'string', help: 'address of the /metrics endpoint; 0 disables it', defaultText: ':8080' },
  { name: 'health-probe-bind-address', kind: 'string', help: 'address of the /healthz and /readyz endpoints', defaultText: ':8081' },
  { name: 'leader-elect', kind: 'boolean', help: 'elect a leader through a Lease so only one replica reconciles' },
  { name: 'leader-election-namespace', kind: 'string', help: 'namespace of the Lease', defaultText: 'the controller\'s own namespace' },
  { name: 'leader-election-id', kind: 'string', help: 'name of the Lease', defaultText: 'podeip-leader' },
  { name: 'leader-elect-lease-duration', kind: 'string', help: 'how long standbys wait after the Lease last changed before taking it over (Go duration)', defaultText: '15s' },
  { name: 'leader-elect-renew-deadline', kind: 'string', help: 'how long the leader retries renewing before it gives up leading; less than the lease duration', defaultText: '10s' },
  { name: 'leader-elect-retry-period', kind: 'string', help: 'pause between attempts to acquire or renew the Lease', defaultText: '2s' },
  { name: 'max-concurrent-reconciles', kind: 'string', help: 'claims reconciled at the same time', defaultText: '10' },
  { name: 'cloud-endpoint', kind: 'string', help: 'cloud API endpoint URL (emulator or private endpoint)', defaultText: 'the provider\'s public endpoint' },
  { name: 'vpc-id', kind: 'string', help: 'VPC of the cluster\'s pods: pod IPs are looked up only on ENIs in it (needed when VPCs overlap)', defaultText: 'any VPC' },
  { name: 'cloud-sync-period', kind: 'string', help: 'how often every claim is checked against the cloud (Go duration)', defaultText: '1m' },
  { name: 'orphan-grace-period', kind: 'string', help: 'how long a tagged address without a claim is kept before it is released', defaultText: '10m' },
  { name: 'graceful-shutdown-timeout', kind: 'string', help: 'how long in-flight reconciles may finish after SIGTERM', defaultText: '25s' },
  { name: 'log-level', kind: 'string', help: 'trace, debug, info, warn, error or fatal', defaultText: 'info' },
  { name: 'manage-ip-masq-agent', kind: 'boolean', help: 'tencent: list every Bound pod\'s IP in kube-system/ip-masq-agent-config NonMasqueradeSrcCIDRs, so its outbound traffic leaves through its EIP' },
  { name: 'podeip-compat', kind: 'boolean', help: 'alibaba: write an ACK PodEIP (podeips.alibabacloud.com) per claim while that CRD is installed, for OpenKruiseGame; --podeip-compat=false turns it off', defaultText: 'true with --provider alibaba' },
  { name: 'dry-run', kind: 'boolean', help: 'observe only: reconcile and log at info each write it would make, writing nothing to the cloud or the cluster (no leader election)' },
  { name: 'help', kind: 'boolean', help: 'show this help' },
];

/** What both `podeip run` and `podeip teardown` need to reach the cloud and the cluster. */
export const CLOUD_ACCESS_FLAGS = ['provider', 'region', 'cluster-id', 'cloud-endpoint', 'kubeconfig'];

/** The one-off commands beside `run` (teardown, adopt): its cloud access and --namespace. */
export function oneOffCommandFlags(): FlagSpec[] {
  return RUN_FLAGS.filter((spec) => CLOUD_ACCESS_FLAGS.includes(spec.name) || spec.name === 'namespace');
}

export interface CloudAccessFlags {
  provider: ProviderName;
  region: string;
  clusterId: string;
  cloudEndpoint?: string;
  kubeconfig?: string;
}

export const RUN_USAGE = [
  'Usage: podeip run [flags]',
  '',
  'Runs the podeip controller: gives pods that ask for one their own public Elastic IP.',
  'Cloud credentials come from the SDKs\' own chains (TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY,',
  'ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET, profiles, instance roles, OIDC/RRSA).',
  '',
  'Flags:',
  ...usageLines(RUN_FLAGS),
].join('\n');

export interface RunFlags extends CloudAccessFlags {
  help: boolean;
  dryRun: boolean;
  claimExpiredMs?: number;
  enableOwnerRef: boolean;
  allowAddressTakeover: boolean;
  staticAddresses: 'any' | 'pooled';
  namespace?: string;
  metricsBindAddress: string;
  healthProbeBindAddress: string;
  leaderElect: boolean;
  leaderElectionNamespace?: string;
  leaderElectionId: string;
  leaderElectionTimings: LeaderElectionTimings;
  maxConcurrentReconciles: number;
  vpcId?: string;
  cloudSyncMs: number;
  orphanGraceMs: number;
  gracefulShutdownMs: number;
  logLevel: string;
  podeipCompat: boolean;
  manageIpMasqAgent: boolean;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

export function parseRunFlags(argv: string[]): RunFlags {
  const values = parseFlags(argv, RUN_FLAGS);
  const text = (name: string) => values.get(name) as string | undefined;
  const flag = (name: string) => values.get(name) === true;
  if (flag('help')) return { help: true } as RunFlags;
  const parsed: RunFlags = {
    help: false,
    ...cloudAccessOf(text),
    dryRun: flag('dry-run'),
    enableOwnerRef: flag('enable-ownerref'),
    allowAddressTakeover: flag('allow-address-takeover'),
    staticAddresses: staticAddressesOf(text('static-addresses') ?? 'any'),
    metricsBindAddress: bindAddressOf('metrics-bind-address', text('metrics-bind-address') ?? ':8080'),
    healthProbeBindAddress: bindAddressOf('health-probe-bind-address', text('health-probe-bind-address') ?? ':8081'),
    leaderElect: flag('leader-elect'),
    leaderElectionId: text('leader-election-id') ?? 'podeip-leader',
    leaderElectionTimings: leaderElectionTimingsOf(text),
    maxConcurrentReconciles: positiveInteger('max-concurrent-reconciles', text('max-concurrent-reconciles') ?? '10'),
    cloudSyncMs: durationOf('cloud-sync-period', text('cloud-sync-period') ?? '1m', 1000),
    orphanGraceMs: durationOf('orphan-grace-period', text('orphan-grace-period') ?? '10m', 0),
    gracefulShutdownMs: durationOf('graceful-shutdown-timeout', text('graceful-shutdown-timeout') ?? '25s', 0),
    logLevel: logLevelOf(text('log-level') ?? 'info'),
    podeipCompat: text('provider') === 'alibaba' && values.get('podeip-compat') !== false,
    manageIpMasqAgent: flag('manage-ip-masq-agent'),
  };
  if (parsed.manageIpMasqAgent && parsed.provider !== 'tencent') {
    throw new FlagError(`--manage-ip-masq-agent needs --provider tencent: ip-masq-agent-config is TKE's, got --provider ${parsed.provider}`);
  }
  if (values.get('podeip-compat') === true && parsed.provider !== 'alibaba') {
    throw new FlagError(`--podeip-compat needs --provider alibaba: PodEIP is ACK's, got --provider ${parsed.provider}`);
  }
  const expired = text('claim-expired-duration');
  if (expired !== undefined && expired !== '') parsed.claimExpiredMs = durationOf('claim-expired-duration', expired, MIN_CLAIM_EXPIRED_MS);
  const optional = { namespace: text('namespace'), leaderElectionNamespace: text('leader-election-namespace'), vpcId: text('vpc-id') };
  for (const [key, value] of Object.entries(optional)) if (value) Object.assign(parsed, { [key]: value });
  return parsed;
}

export function cloudAccessOf(text: (name: string) => string | undefined): CloudAccessFlags {
  const access: CloudAccessFlags = {
    provider: providerOf(text('provider') ?? 'tencent'),
    region: required('region', text('region')),
    clusterId: clusterIdOf(text('cluster-id')),
  };
  const endpoint = text('cloud-endpoint');
  if (endpoint) access.cloudEndpoint = endpointOf(endpoint);
  const kubeconfig = text('kubeconfig');
  if (kubeconfig) access.kubeconfig = kubeconfig;
  return access;
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new FlagError(`--${name} is required`);
  return value;
}

function staticAddressesOf(value: string): 'any' | 'pooled' {
  if (value === 'any' || value === 'pooled') return value;
  throw new FlagError(`--static-addresses must be any or pooled, got "${value}"`);
}

function providerOf(value: string): ProviderName {
  if (value === 'tencent' || value === 'alibaba') return value;
  throw new FlagError(`--provider must be tencent or alibaba, got "${value}"`);
}

function clusterIdOf(value: string | undefined): string {
  const id = required('cluster-id', value);
  if (id.length > 127 || !/^[\w.:/=+@-]+$/.test(id)) throw new FlagError(`--cluster-id must be 1 to 127 letters, digits or _.:/=+-@, got "${id}"`);
  return id;
}

function durationOf(name: string, value: string, minimumMs: number): number {
  const reading = readGoDuration(value);
  if ('problem' in reading) {
    throw new FlagError(`--${name} must be ${reading.problem === 'too-long' ? `at most ${MAX_DURATION}` : 'a duration such as 10m or 1h30m'}, got "${value}"`);
  }
  if (reading.ms < minimumMs) throw new FlagError(`--${name} must be at least ${formatMinimum(minimumMs)}, got "${value}"`);
  return reading.ms;
}

const TIMING_FLAGS: Record<keyof LeaderElectionTimings, string> = {
  leaseDurationMs: 'leader-elect-lease-duration',
  renewDeadlineMs: 'leader-elect-renew-deadline',
  retryPeriodMs: 'leader-elect-retry-period',
};

/** Like kube components: leaseDuration > renewDeadline > 1.2 × retryPeriod. */
function leaderElectionTimingsOf(text: (name: string) => string | undefined): LeaderElectionTimings {
  const shown = (key: keyof LeaderElectionTimings) => text(TIMING_FLAGS[key]) ?? `${DEFAULT_TIMINGS[key] / 1000}s`;
  const timings = {} as LeaderElectionTimings;
  for (const key of Object.keys(TIMING_FLAGS) as Array<keyof LeaderElectionTimings>) timings[key] = durationOf(TIMING_FLAGS[key], shown(key), -Infinity);
  const problem = timingsProblem(timings, (key) => [`--${TIMING_FLAGS[key]}`, shown(key)]);
  if (problem) throw new FlagError(problem);
  return timings;
}

function formatMinimum(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000}m` : `${ms / 1000}s`;
}

function positiveInteger(name: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new FlagError(`--${name} must be a whole number of at least 1, got "${value}"`);
  return Number(value);
}

function bindAddressOf(name: string, value: string): string {
  const bind = parseBindAddress(value);
  if (value !== '0' && (!bind || !/^\d+$/.test(value.slice(value.lastIndexOf(':') + 1)) || bind.port > 65535 || !value.includes(':'))) {
    throw new FlagError(`--${name} must be [host]:port or 0, got "${value}"`);
  }
  return value;
}

function endpointOf(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FlagError(`--cloud-endpoint must be an http:// or https:// URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FlagError(`--cloud-endpoint must be an http:// or https:// URL, got "${value}"`);
  return value;
}

function logLevelOf(value: string): string {
  if (!LOG_LEVELS.includes(value)) throw new FlagError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  return value;
}
