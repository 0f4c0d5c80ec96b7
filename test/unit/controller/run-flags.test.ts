import { FlagError } from '../../../src/cli/flag-parser.js';
import { parseRunFlags, RUN_USAGE } from '../../../src/cli/run-flags.js';

const REQUIRED = ['--region=ap-guangzhou', '--cluster-id=cls-1'];

describe('podeip run flags', () => {
  test('defaults', () => {
    expect(parseRunFlags(REQUIRED)).toEqual({
      help: false,
      provider: 'tencent',
      region: 'ap-guangzhou',
      clusterId: 'cls-1',
      enableOwnerRef: false,
      allowAddressTakeover: false,
      staticAddresses: 'any',
      dryRun: false,
      metricsBindAddress: ':8080',
      healthProbeBindAddress: ':8081',
      leaderElect: false,
      leaderElectionId: 'podeip-leader',
      leaderElectionTimings: { leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 },
      maxConcurrentReconciles: 10,
      cloudSyncMs: 60_000,
      orphanGraceMs: 600_000,
      gracefulShutdownMs: 25_000,
      logLevel: 'info',
      manageIpMasqAgent: false,
      podeipCompat: false,
    });
  });

  test('every flag, in both spellings', () => {
    const flags = parseRunFlags([
      ...REQUIRED,
      '--provider', 'alibaba',
      '--claim-expired-duration=1h',
      '--enable-ownerref',
      '--allow-address-takeover=true',
      '--static-addresses=pooled',
      '--namespace=games',
      '--kubeconfig', '/tmp/kc',
      '--metrics-bind-address=127.0.0.1:0',
      '--health-probe-bind-address=:9090',
      '--leader-elect=false',
      '--max-concurrent-reconciles=4',
      '--cloud-endpoint=http://127.0.0.1:9999',
      '--vpc-id=vpc-abc12345',
      '--log-level=debug',
      '--leader-elect-lease-duration=1500ms',
      '--leader-elect-renew-deadline', '1s',
      '--leader-elect-retry-period=200ms',
    ]);
    expect(flags).toMatchObject({
      provider: 'alibaba',
      claimExpiredMs: 3_600_000,
      enableOwnerRef: true,
      allowAddressTakeover: true,
      staticAddresses: 'pooled',
      namespace: 'games',
      kubeconfig: '/tmp/kc',
      metricsBindAddress: '127.0.0.1:0',
      healthProbeBindAddress: ':9090',
      leaderElect: false,
      maxConcurrentReconciles: 4,
      cloudEndpoint: 'http://127.0.0.1:9999',
      vpcId: 'vpc-abc12345',
      logLevel: 'debug',
      leaderElectionTimings: { leaseDurationMs: 1_500, renewDeadlineMs: 1_000, retryPeriodMs: 200 },
    });
  });

  test.each([
    [['--cluster-id=c'], '--region is required'],
    [['--region=r'], '--cluster-id is required'],
    [[...REQUIRED, '--provider=aws'], '--provider must be tencent or alibaba, got "aws"'],
    [[...REQUIRED, '--claim-expired-duration=4m'], '--claim-expired-duration must be at least 5m, got "4m"'],
    [[...REQUIRED, '--claim-expired-duration=10 minutes'], '--claim-expired-duration must be a duration such as 10m or 1h30m, got "10 minutes"'],
    [[...REQUIRED, '--max-concurrent-reconciles=0'], '--max-concurrent-reconciles must be a whole number of at least 1, got "0"'],
    [[...REQUIRED, '--metrics-bind-address=8080'], '--metrics-bind-address must be [host]:port or 0, got "8080"'],
    [[...REQUIRED, '--cloud-endpoint=ftp://x'], '--cloud-endpoint must be an http:// or https:// URL, got "ftp://x"'],
    [[...REQUIRED, '--log-level=loud'], '--log-level must be one of trace, debug, info, warn, error, fatal, got "loud"'],
    [[...REQUIRED, '--static-addresses=some'], '--static-addresses must be any or pooled, got "some"'],
    [[...REQUIRED, '--enable-ownerref=yes'], '--enable-ownerref must be true or false, got "yes"'],
    [[...REQUIRED, '--nope'], 'unknown flag --nope'],
    [[...REQUIRED, 'extra'], 'unexpected argument "extra"'],
    [[...REQUIRED, '--region'], '--region needs a value'],
    [[...REQUIRED, '--leader-elect-lease-duration=10s'], '--leader-elect-lease-duration (10s) must be greater than --leader-elect-renew-deadline (10s)'],
    [[...REQUIRED, '--leader-elect-renew-deadline=2400ms'], '--leader-elect-renew-deadline (2400ms) must be greater than 1.2 × --leader-elect-retry-period (2s)'],
    [[...REQUIRED, '--leader-elect-retry-period=0'], '--leader-elect-retry-period must be greater than zero, got 0'],
    [[...REQUIRED, '--leader-elect-retry-period=-1s'], '--leader-elect-retry-period must be greater than zero, got -1s'],
    [[...REQUIRED, '--leader-elect-lease-duration=soon'], '--leader-elect-lease-duration must be a duration such as 10m or 1h30m, got "soon"'],
  ])('%j → %s', (argv, message) => {
    expect(() => parseRunFlags(argv)).toThrow(new FlagError(message));
  });

  test('--help documents every flag of SPEC 8', () => {
    for (const flag of ['provider', 'region', 'cluster-id', 'claim-expired-duration', 'enable-ownerref', 'allow-address-takeover', 'static-addresses', 'namespace', 'kubeconfig', 'metrics-bind-address', 'health-probe-bind-address', 'leader-elect', 'leader-elect-lease-duration', 'leader-elect-renew-deadline', 'leader-elect-retry-period', 'max-concurrent-reconciles', 'cloud-endpoint', 'vpc-id', 'log-level']) {
      expect(RUN_USAGE).toMatch(new RegExp(`^  --${flag}\\b`, 'm'));
    }
    expect(parseRunFlags(['--help']).help).toBe(true);
  });
});
