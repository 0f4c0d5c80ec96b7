/**
 * The programmatic entry: caches, cloud provider, HTTP endpoints, and — once this replica leads
 * (at once without leader election) — the reconcilers. `podeip run`, tests and the sandbox all
 * start podeip through here.
 */
import { hostname } from 'node:os';
import { type Logger, pino } from 'pino';
import { DIALECTS } from '../annotations/dialects.js';
import { type Clock, subscribeToClockJumps, systemClock } from '../clock/clock.js';
import { KeyedController } from '../controller/keyed-controller.js';
import { CLAIM_PHASES, keyOf } from '../k8s/eipclaim.js';
import { EventRecorder } from '../k8s/event-recorder.js';
import { KubeApi } from '../k8s/kube-api.js';
import { AddressBook } from '../lifecycle/address-book.js';
import { ClaimReconciler } from '../lifecycle/claim-reconciler.js';
import type { LifecycleContext, LifecycleSettings } from '../lifecycle/context.js';
import { OrphanCollector } from '../lifecycle/orphan-collector.js';
import { conditionTypes } from '../lifecycle/pod-outputs.js';
import { createProvider } from '../providers/create-provider.js';
import type { Provider } from '../providers/provider.js';
import { type HttpEndpoint, serveMetrics, serveProbes } from '../server/http-endpoints.js';
import { ControllerMetrics } from '../telemetry/metrics.js';
import { type Caches, createCaches } from './caches.js';
import { CloudSync } from './cloud-sync.js';
import type { ControllerOptions } from './controller-options.js';
import { Leadership } from './leadership.js';
import { WriteFence } from './write-fence.js';

export type { ControllerOptions } from './controller-options.js';

export const CONTROLLER_NAME = 'eipclaim';

export interface RunningController {
  readonly metricsUrl: string;
  readonly probesUrl: string;
  readonly metrics: ControllerMetrics;
  /** Resolves once the caches are synced. */
  readonly synced: Promise<void>;
  /** Resolves once reconciling has begun (this replica leads and the first cloud read is done). */
  readonly reconciling: Promise<void>;
  isLeader(): boolean;
  /** A cloud sync pass (drift, orphans) now, or once more after the one under way; resolves when it is done. */
  syncCloud(): Promise<void>;
  /** Stops taking work, lets in-flight reconciles finish (grace period), releases the lease, closes everything. */
  stop(): Promise<void>;
}

function settingsFrom(options: ControllerOptions): LifecycleSettings {
  return {
    clusterId: options.clusterId,
    ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
    ...(options.claimExpiredMs !== undefined ? { claimExpiredMs: options.claimExpiredMs } : {}),
    enableOwnerRef: options.enableOwnerRef ?? false,
    allowAddressTakeover: options.allowAddressTakeover ?? false,
    pollIntervalMs: options.pollIntervalMs ?? 500,
    maxPollIntervalMs: options.maxPollIntervalMs ?? 10_000,
    conflictRetryMs: options.conflictRetryMs ?? 10_000,
    orphanGraceMs: options.orphanGraceMs ?? 600_000,
  };
}

export async function startController(options: ControllerOptions): Promise<RunningController> {
  const logger = options.logger ?? pino({ level: options.logLevel ?? 'info' });
  const late: { leadership?: Leadership } = {};
  const fence = new WriteFence(() => late.leadership?.mayWrite() ?? false);
  const parts = await assemble(options, logger, fence);
  const { caches, controller, sync, metrics, provider } = parts;
  const synced = Promise.all([caches.pods.start(), caches.claims.start()]).then(() => undefined);
  const servers = await startEndpoints(options, parts, () => late.leadership?.healthProblem());
  let unsubscribeClock: () => unknown = () => undefined;
  const beginReconciling = async () => {
    await synced;
    await sync.runOnce();
    controller.start(initialKeys(parts.context));
    sync.every(options.cloudSyncIntervalMs ?? 60_000);
    unsubscribeClock = subscribeToClockJumps(parts.context.clock, () => void sync.runOnce());
  };
  const leadership = (late.leadership = new Leadership(options, metrics, logger, beginReconciling, () => {
    void controller.shutDown(0);
    sync.stop();
    options.onLeadershipLost?.();
  }));
  const stop = async () => {
    unsubscribeClock();
    sync.stop();
    await controller.shutDown(options.gracefulShutdownMs ?? 25_000);
    caches.pods.stop();
    caches.claims.stop();
    await leadership.stop();
    provider.close();
    await Promise.all(servers.map((server) => server.close()));
  };
  return {
    metricsUrl: servers[0]!.url,
    probesUrl: servers[1]!.url,
    metrics,
    synced,
    reconciling: leadership.started,
    isLeader: () => leadership.isLeader(),
    syncCloud: () => sync.runOnce(),
    stop,
  };
}

interface Parts {
  context: LifecycleContext;
  caches: Caches;
  controller: KeyedController;
  sync: CloudSync;
  metrics: ControllerMetrics;
  provider: Provider;
}

/** Wires metrics, provider, caches, reconciler, queue and cloud sync together; starts nothing. Writes pass the fence. */
async function assemble(options: ControllerOptions, logger: Logger, fence: WriteFence): Promise<Parts> {
  const clock: Clock = options.clock ?? systemClock;
  const dialect = DIALECTS[options.provider];
  const api = new KubeApi(fence.kubeConfig(options.kubeConfig), options.namespace);
  const late: { caches?: Caches; addresses?: AddressBook; controller?: KeyedController } = {};
  const metrics = new ControllerMetrics({
    claimCountsByPhase: () => countByPhase(late.caches),
    unboundOwnedAddresses: () => (late.addresses?.tagged() ?? []).filter((address) => address.state === 'Available').length,
  });
  const provider = fence.provider(options.providerInstance ?? (await providerFor(options, metrics, fence)));
  const addresses = (late.addresses = new AddressBook(provider, options.clusterId));
  const caches = (late.caches = createCaches(options.kubeConfig, api, conditionTypes({ dialect }), logger, (key) => late.controller?.enqueue(key), options.informers));
  const events = new EventRecorder(api, clock, logger, hostname());
  const context: LifecycleContext = { api, pods: caches.pods, claims: caches.claims, provider, addresses, dialect, events, clock, metrics, settings: settingsFrom(options) };
  const concurrency = options.maxConcurrentReconciles ?? 10;
  const controller = (late.controller = new KeyedController(CONTROLLER_NAME, new ClaimReconciler(context).reconcile, { concurrency, metrics, logger }));
  const orphans = new OrphanCollector(context, logger);
  const sync = new CloudSync(addresses, orphans, () => caches.claims.list(), (key) => controller.enqueue(key), logger);
  return { context, caches, controller, sync, metrics, provider };
}

function providerFor(options: ControllerOptions, metrics: ControllerMetrics, fence: WriteFence): Promise<Provider> {
  return createProvider(options.provider, {
    region: options.region,
    ...(options.cloudEndpoint ? { endpoint: options.cloudEndpoint } : {}),
    ...(options.vpcId ? { vpcId: options.vpcId } : {}),
    ...(options.cloudRateLimits ? { rateLimits: options.cloudRateLimits } : {}),
    observer: metrics.cloudCallObserver(),
    beforeSend: fence.cloudSendGate,
  });
}

/** /metrics first, then /healthz (caches can relist, a held lease is renewed) + /readyz (caches synced; a standby is ready). */
async function startEndpoints(options: ControllerOptions, parts: Parts, leadershipProblem: () => string | undefined): Promise<HttpEndpoint[]> {
  const { caches } = parts;
  const metrics = await serveMetrics(options.metricsBindAddress ?? ':8080', parts.metrics.registry);
  const probes = await serveProbes(options.healthProbeBindAddress ?? ':8081', {
    healthProblem: () => caches.health() ?? leadershipProblem(),
    ready: () => caches.pods.synced && caches.claims.synced,
  });
  return [metrics, probes];
}

/** Every claim, and every pod that carries a request (they may not have a claim yet). */
function initialKeys(context: LifecycleContext): string[] {
  const keys = new Set(context.claims.list().map((claim) => keyOf(claim.metadata)));
  for (const pod of context.pods.list()) if (context.dialect.parse(pod).kind !== 'none') keys.add(keyOf(pod));
  return [...keys];
}

function countByPhase(caches: Caches | undefined): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(CLAIM_PHASES.map((phase) => [phase, 0]));
  for (const claim of caches?.claims.list() ?? []) {
    const phase = claim.status?.phase ?? 'Pending';
    counts[phase] = (counts[phase] ?? 0) + 1;
  }
  return counts;
}
