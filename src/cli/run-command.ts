/**
 * `podeip run`: parse flags (exit 2 on a bad one), pass the start-up checks (exit 1), start the controller, and on SIGTERM/SIGINT stop
 * taking work, let in-flight reconciles finish, release the lease and exit 0 (a second signal exits 1).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { KubeConfig } from '@kubernetes/client-node';
import { pino } from 'pino';
import { startController } from '../manager/start-controller.js';
import { parseRunFlags, RUN_USAGE, type RunFlags } from './run-flags.js';
import { passStartupChecks } from './startup-checks.js';
import { exitCodeFor } from './startup-error.js';

const SERVICE_ACCOUNT_NAMESPACE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

export async function runCommand(argv: string[]): Promise<number> {
  try {
    const flags = parseRunFlags(argv);
    if (flags.help) {
      process.stdout.write(`${RUN_USAGE}\n`);
      return 0;
    }
    const kubeConfig = await passStartupChecks(flags);
    return await serve(flags, kubeConfig);
  } catch (error) {
    return exitCodeFor('podeip run', error);
  }
}

function ownNamespace(flags: RunFlags): string {
  if (flags.leaderElectionNamespace) return flags.leaderElectionNamespace;
  if (process.env.POD_NAMESPACE) return process.env.POD_NAMESPACE;
  return existsSync(SERVICE_ACCOUNT_NAMESPACE) ? readFileSync(SERVICE_ACCOUNT_NAMESPACE, 'utf8').trim() : 'default';
}

async function serve(flags: RunFlags, kubeConfig: KubeConfig): Promise<number> {
  const logger = pino({ level: flags.logLevel });
  let exit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  const controller = await startController({
    kubeConfig,
    provider: flags.provider,
    region: flags.region,
    clusterId: flags.clusterId,
    ...(flags.cloudEndpoint ? { cloudEndpoint: flags.cloudEndpoint } : {}),
    dryRun: flags.dryRun,
    ...(flags.vpcId ? { vpcId: flags.vpcId } : {}),
    ...(flags.namespace ? { namespace: flags.namespace } : {}),
    ...(flags.claimExpiredMs !== undefined ? { claimExpiredMs: flags.claimExpiredMs } : {}),
    enableOwnerRef: flags.enableOwnerRef,
    allowAddressTakeover: flags.allowAddressTakeover,
    staticAddresses: flags.staticAddresses,
    maxConcurrentReconciles: flags.maxConcurrentReconciles,
    metricsBindAddress: flags.metricsBindAddress,
    healthProbeBindAddress: flags.healthProbeBindAddress,
    ...(flags.leaderElect ? { leaderElection: { namespace: ownNamespace(flags), name: flags.leaderElectionId, ...flags.leaderElectionTimings } } : {}),
    cloudSyncIntervalMs: flags.cloudSyncMs,
    orphanGraceMs: flags.orphanGraceMs,
    gracefulShutdownMs: flags.gracefulShutdownMs,
    podeipCompat: flags.podeipCompat,
    ...(flags.manageIpMasqAgent ? { ipMasqAgent: {} } : {}),
    logger,
    onLeadershipLost: () => {
      logger.error('leadership lost; exiting so a fresh replica can campaign');
      exit(1);
    },
  });
  logger.info({ provider: flags.provider, region: flags.region, clusterId: flags.clusterId, metrics: controller.metricsUrl, probes: controller.probesUrl }, 'podeip started');
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) return exit(1);
    logger.info({ signal }, 'shutting down');
    controller.stop().then(
      () => exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return exited;
}
