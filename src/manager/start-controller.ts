/**
 * The programmatic entry: caches, cloud provider, HTTP endpoints, and — once this replica leads
 * (at once without leader election) — the reconcilers. `podeip run`, tests and the sandbox all
 * start podeip through here.
 */
import { hostname } from 'node:os';
import { type Logger, pino } from 'pino';
import { DIALECTS } from '../annotations/dialects.js';
import { type Clock, subscribeToClockJumps, systemClock } from '../clock/clock.js';
import { retryPolicyWith } from '../controller/retry-policy.js';
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
import type { CloudCallObserver } from '../providers/cloud-call-observer.js';
import { CloudAudit } from '../telemetry/audit.js';
import { type AddressOwnershipLabel, ControllerMetrics } from '../telemetry/metrics.js';
import { type Caches, createCaches } from './caches.js';
import { CloudSync } from './cloud-sync.js';
import type { ControllerOptions } from './controller-options.js';
import { PoolBook } from '../pools/pool-book.js';
import { PoolReconciler } from '../pools/pool-reconciler.js';
import { Leadership } from './leadership.js';
import { Manager, type Runnable } from './manager.js';
import { podInterestOf } from './pod-interest.js';
import { WriteFence } from './write-fence.js';
import { podEipCompat } from '../compat/podeip-compat.js';
import { EGRESS_VIA_EIP_CONDITION } from '../egress/egress-condition.js';
import { IpMasqAgentConfigMap } from '../egress/ip-masq-agent-configmap.js';
import { IpMasqAgentSync } from '../egress/ip-masq-agent-sync.js';
import type { PassTiming } from '../egress/pass-schedule.js';

export type { ControllerOptions } from './controller-options.js';

export const CONTROLLER_NAME = 'eipclaim';
export const POOL_CONTROLLER_NAME = 'eippool';

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
    retry: retryPolicyWith(options),
    orphanGraceMs: options.orphanGraceMs ?? 600_000,
    staticAddresses: options.staticAddresses ?? 'any',
  };
}

export async function startController(requested: ControllerOptions): Promise<RunningController> {
  const logger = requested.logger ?? pino({ level: requested.logLevel ?? 'info' });
  const options = withoutElectionInDryRun(requested, logger);
  const fence = new WriteFence(() => leadership.mayWrite(), options.dryRun ? logger : undefined);
  const parts = await assemble(options, logger, fence);
  const manager = new Manager(options.gracefulShutdownMs ?? 25_000, logger);
  const leadership = new Leadership(options, parts.metrics, logger, {
    began: () => manager.lead(),
    lost: () => {
      void manager.stopLeading();
      options.onLeadershipLost?.();
    },
  });
  const endpoints = new Endpoints(options, parts, () => leadership.healthProblem());
  const caches = cachesRunnable(parts.caches);
  for (const runnable of [endpoints, providerRunnable(parts.provider), leadership, caches]) manager.add(runnable);
  manager.add(reconcilersRunnable(parts, caches.synced));
  manager.add(periodicCloudSyncRunnable(parts, options.cloudSyncIntervalMs ?? 60_000));
  if (options.provider === 'alibaba' && options.podeipCompat !== false) manager.add(podEipCompatFor(options, parts, fence, caches.synced, logger));
  if (options.ipMasqAgent) manager.add(ipMasqAgentRunnable(parts, fence.kubeConfig(options.kubeConfig), caches.synced, options.ipMasqAgent, logger));
  await manager.start();
  return {
    metricsUrl: endpoints.metricsUrl,
    probesUrl: endpoints.probesUrl,
    metrics: parts.metrics,
    synced: caches.synced,
    reconciling: leadership.started,
    isLeader: () => leadership.isLeader(),
    syncCloud: () => parts.sync.runOnce(),
    stop: () => manager.stop(),
  };
}

function podEipCompatFor(options: ControllerOptions, parts: Parts, fence: WriteFence, synced: Promise<void>, logger: Logger): Runnable {
  return podEipCompat({
    kubeConfig: options.kubeConfig,
    writeKubeConfig: fence.kubeConfig(options.kubeConfig),
    ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
    context: parts.context,
    synced,
    logger,
    ...(options.podeipCrdCheckMs !== undefined ? { crdCheckMs: options.podeipCrdCheckMs } : {}),
    ...(options.informers ? { informers: options.informers } : {}),
  });
}

/** A dry run writes no Lease either: it observes on its own, whatever --leader-elect says. */
function withoutElectionInDryRun(options: ControllerOptions, logger: Logger): ControllerOptions {
  if (!options.dryRun) return options;
  logger.info('dry-run: observing only; no cloud or Kubernetes writes, no leader election');
  const { leaderElection: _ignored, ...rest } = options;
  return rest;
}

interface Parts {
  context: LifecycleContext;
  caches: Caches;
  controller: KeyedController;
  /** The EIPPool reconciler's queue (SPEC §10), keyed by pool name. */
  poolController: KeyedController;
  sync: CloudSync;
  metrics: ControllerMetrics;
  provider: Provider;
}

/** Wires metrics, provider, caches, reconciler, queue and cloud sync together; starts nothing. Writes pass the fence. */
async function assemble(options: ControllerOptions, logger: Logger, fence: WriteFence): Promise<Parts> {
  const clock: Clock = options.clock ?? systemClock;
  const dialect = DIALECTS[options.provider];
  const api = new KubeApi(fence.kubeConfig(options.kubeConfig), options.namespace);
  // The callbacks below run only once the Manager has started the caches and endpoints, after every part exists.
  const metrics = new ControllerMetrics({
    claimCountsByPhase: () => countByPhase(caches),
    notReadyClaimsByReason: () => countNotReadyByReason(caches),
    unboundOwnedAddresses: () => addresses.tagged().filter((address) => address.state === 'Available').length,
    addressesByOwnership: () => countByOwnership(caches, addresses),
  });
  const audit = new CloudAudit(logger, (addressId) => claimKeyHolding(caches, addressId));
  const provider = fence.provider(audit.provider(options.providerInstance ?? (await providerFor(options, audit.observer(metrics.cloudCallObserver()), fence))));
  const addresses = new AddressBook(provider, options.clusterId);
  const caches = createCaches(
    options.kubeConfig,
    api,
    [...conditionTypes({ dialect }), ...(options.ipMasqAgent ? [EGRESS_VIA_EIP_CONDITION] : [])],
    logger,
    (key) => controller.enqueue(key),
    options.informers,
    (name) => poolController.enqueue(name),
    podInterestOf(dialect),
  );
  const events = new EventRecorder(api, clock, logger, hostname());
  const pools = new PoolBook({ pools: caches.pools, claims: caches.claims, namespaces: caches.namespaces, knownAddress: (addressId) => addresses.known(addressId) });
  const wakePool = (name: string) => poolController.enqueue(name);
  const context: LifecycleContext = { api, pods: caches.pods, claims: caches.claims, provider, addresses, dialect, events, clock, metrics, settings: settingsFrom(options), pools, wakePool };
  const concurrency = options.maxConcurrentReconciles ?? 10;
  const backoff = context.settings.retry.errorBackoff;
  const controller = new KeyedController(CONTROLLER_NAME, new ClaimReconciler(context).reconcile, { concurrency, metrics, logger, backoff });
  const poolReconciler = new PoolReconciler({ context, pools: caches.pools, book: pools, wakeClaims: (keys) => keys.forEach((key) => controller.enqueue(key)) });
  const poolController = new KeyedController(POOL_CONTROLLER_NAME, poolReconciler.reconcile, { concurrency: 1, metrics, logger, backoff });
  const orphans = new OrphanCollector(context, logger);
  const sync = new CloudSync(addresses, orphans, () => caches.claims.list(), (key) => controller.enqueueResync(key), logger, () =>
    recordCloudSync(metrics, clock, provider, logger),
  );
  return { context, caches, controller, poolController, sync, metrics, provider };
}

/** Both informers; `synced` settles as the first list of both does. */
function cachesRunnable(caches: Caches): Runnable & { synced: Promise<void> } {
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  const synced = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  return {
    name: 'caches',
    needLeaderElection: false,
    synced,
    start: () => void Promise.all(informersOf(caches).map((informer) => informer.start())).then(() => settle.resolve(), settle.reject),
    stop: () => {
      for (const informer of informersOf(caches)) informer.stop();
    },
  };
}

function informersOf(caches: Caches) {
  return [caches.pods, caches.claims, caches.pools, caches.namespaces];
}

function providerRunnable(provider: Provider): Runnable {
  return { name: 'cloud provider', needLeaderElection: false, start: () => undefined, stop: () => provider.close() };
}

/** The batched start-up read (R13) once the caches are synced, then every claim and requesting pod is reconciled. */
function reconcilersRunnable({ sync, controller, poolController, context, caches }: Parts, synced: Promise<void>): Runnable {
  return {
    name: 'reconcilers',
    needLeaderElection: true,
    start: async () => {
      await synced;
      await sync.runOnce();
      poolController.start(caches.pools.list().map((pool) => pool.metadata.name));
      controller.start(initialKeys(context));
    },
    stop: async (graceMs) => {
      await Promise.all([controller.shutDown(graceMs), poolController.shutDown(graceMs)]);
    },
  };
}

/** SPEC §11 egress: Bound pods' entries in ip-masq-agent-config, leader only (its writes pass the fence). */
function ipMasqAgentRunnable({ context, caches }: Parts, kubeConfig: ControllerOptions['kubeConfig'], synced: Promise<void>, timing: Partial<PassTiming>, logger: Logger): Runnable {
  const conditions = { api: context.api, pods: caches.pods, clock: context.clock, logger };
  return new IpMasqAgentSync({ configMap: new IpMasqAgentConfigMap(kubeConfig), claims: caches.claims, conditions, synced, logger, timing });
}

/** Drift repair and orphan collection every interval, and at once after a jump of the clock. Added after the reconcilers, so it stops first. */
function periodicCloudSyncRunnable({ sync, context }: Parts, intervalMs: number): Runnable {
  let unsubscribeClock: () => unknown = () => undefined;
  return {
    name: 'cloud sync',
    needLeaderElection: true,
    start: () => {
      sync.every(intervalMs);
      unsubscribeClock = subscribeToClockJumps(context.clock, () => void sync.runOnce());
    },
    stop: () => {
      unsubscribeClock();
      sync.stop();
    },
  };
}

function providerFor(options: ControllerOptions, observer: CloudCallObserver, fence: WriteFence): Promise<Provider> {
  return createProvider(options.provider, {
    region: options.region,
    ...(options.cloudEndpoint ? { endpoint: options.cloudEndpoint } : {}),
    ...(options.vpcId ? { vpcId: options.vpcId } : {}),
    ...(options.cloudRateLimits ? { rateLimits: options.cloudRateLimits } : {}),
    observer,
    beforeSend: fence.cloudSendGate,
  });
}

/** /metrics first, then /healthz (caches can relist, a held lease is renewed) + /readyz (caches synced; a standby is ready). */
class Endpoints implements Runnable {
  readonly name = 'http endpoints';
  readonly needLeaderElection = false;
  private servers: HttpEndpoint[] = [];

  constructor(
    private readonly options: ControllerOptions,
    private readonly parts: Parts,
    private readonly leadershipProblem: () => string | undefined,
  ) {}

  get metricsUrl(): string {
    return this.servers[0]!.url;
  }

  get probesUrl(): string {
    return this.servers[1]!.url;
  }

  async start(): Promise<void> {
    const { caches } = this.parts;
    const metrics = await serveMetrics(this.options.metricsBindAddress ?? ':8080', this.parts.metrics.registry);
    const probes = await serveProbes(this.options.healthProbeBindAddress ?? ':8081', {
      healthProblem: () => caches.health() ?? this.leadershipProblem(),
      ready: () => caches.pods.synced && caches.claims.synced,
    });
    this.servers = [metrics, probes];
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((server) => server.close()));
  }
}

/** Every claim, and every pod that carries a request (they may not have a claim yet). */
function initialKeys(context: LifecycleContext): string[] {
  const keys = new Set(context.claims.list().map((claim) => keyOf(claim.metadata)));
  for (const pod of context.pods.list()) if (context.dialect.parse(pod).kind !== 'none') keys.add(keyOf(pod));
  return [...keys];
}

function claimKeyHolding(caches: Caches, addressId: string): string | undefined {
  const claim = caches.claims.list().find((candidate) => candidate.status?.addressId === addressId);
  return claim ? keyOf(claim.metadata) : undefined;
}

/** After a successful cloud sync pass: when, and the account's quota where the provider can read it (a failed read keeps the last value). */
async function recordCloudSync(metrics: ControllerMetrics, clock: Clock, provider: Provider, logger: Logger): Promise<void> {
  metrics.cloudSyncLastSuccess.set(clock.now().getTime() / 1000);
  if (!provider.quota) return;
  try {
    metrics.addressQuota.set({ provider: provider.name }, await provider.quota());
  } catch (error) {
    logger.warn({ err: error }, 'could not read the address quota; podeip_address_quota keeps its last value');
  }
}

function countNotReadyByReason(caches: Caches): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const claim of caches.claims.list()) {
    const ready = claim.status?.conditions?.find((condition) => condition.type === 'Ready');
    if (ready?.status === 'False') counts[ready.reason] = (counts[ready.reason] ?? 0) + 1;
  }
  return counts;
}

/** Owned: every address tagged for this cluster at the last sync; static: those claims hold that are not among them. */
function countByOwnership(caches: Caches, addresses: AddressBook): Record<AddressOwnershipLabel, number> {
  const owned = new Set(addresses.tagged().map((address) => address.id));
  const held = caches.claims.list().filter((claim) => claim.status?.ownership === 'Static' && claim.status.addressId && !owned.has(claim.status.addressId));
  return { owned: owned.size, static: new Set(held.map((claim) => claim.status!.addressId)).size };
}

function countByPhase(caches: Caches): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(CLAIM_PHASES.map((phase) => [phase, 0]));
  for (const claim of caches.claims.list()) {
    const phase = claim.status?.phase ?? 'Pending';
    counts[phase] = (counts[phase] ?? 0) + 1;
  }
  return counts;
}
