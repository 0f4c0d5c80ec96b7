/**
 * Every metric of SPEC §6 and §12 in a private registry: podeip's own names, controller-runtime's
 * names (so existing dashboards work) and the process/Node.js defaults. No pod names or IPs as labels.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { podeipVersion } from '../cli/version.js';
import type { CloudCallObserver } from '../providers/cloud-call-observer.js';
import type { QueueObserver } from '../controller/workqueue.js';

const RECONCILE_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60];

/** controller-runtime's workqueue latency buckets: 10 ns to 1,000 s, ×10 each. */
const WORKQUEUE_BUCKETS = Array.from({ length: 12 }, (_, power) => 1e-8 * 10 ** power);

export type ReconcileResultLabel = 'success' | 'error' | 'requeue' | 'requeue_after';

/** What podeip repairs (SPEC §12): an address unbound behind its back bound again (R11), a lost owned address replaced, an orphan released (R12). */
export const REPAIR_KINDS = ['rebind', 'replaced', 'orphan'] as const;
export type RepairKind = (typeof REPAIR_KINDS)[number];

export type AddressOwnershipLabel = 'owned' | 'static';

export interface MetricsSources {
  claimCountsByPhase(): Record<string, number>;
  /** Claims whose Ready condition is False, by its reason. */
  notReadyClaimsByReason(): Record<string, number>;
  unboundOwnedAddresses(): number;
  /** Addresses that count against the account's quota, by who owns them. */
  addressesByOwnership(): Record<AddressOwnershipLabel, number>;
}

export class ControllerMetrics {
  readonly registry = new Registry();
  readonly cloudRequests: Counter<'provider' | 'action' | 'code'>;
  readonly cloudRequestDuration: Histogram<'provider' | 'action'>;
  readonly cloudUnknownErrors: Counter<'provider' | 'action' | 'code'>;
  readonly bindDuration: Histogram;
  /** An orphan released is counted here and as a repair of kind `orphan`. */
  readonly orphansReleased: Pick<Counter, 'inc'>;
  private readonly repairs: Counter<'kind'>;
  /** Clock time (seconds) of the last cloud sync pass that read the cloud and collected orphans. */
  readonly cloudSyncLastSuccess: Gauge;
  /** Addresses the account may hold at once in the region, where the cloud says. */
  readonly addressQuota: Gauge<'provider'>;
  readonly leader: Gauge;
  /** SPEC §10: addresses of each EIPPool by state (pool names are cluster objects, few and stable). */
  readonly poolAddresses: Gauge<'pool' | 'state'>;
  readonly reconcileTotal: Counter<'controller' | 'result'>;
  readonly reconcileErrors: Counter<'controller'>;
  readonly reconcileTime: Histogram<'controller'>;
  private readonly workqueueDepth: Gauge<'name' | 'controller'>;
  private readonly workqueueAdds: Counter<'name' | 'controller'>;
  private readonly workqueueRetries: Counter<'name' | 'controller'>;
  private readonly workqueueQueueDuration: Histogram<'name' | 'controller'>;
  private readonly workqueueWorkDuration: Histogram<'name' | 'controller'>;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    new Gauge({
      name: 'podeip_claims',
      help: 'EIPClaims by phase',
      labelNames: ['phase'],
      registers,
      collect() {
        this.reset();
        for (const [phase, count] of Object.entries(sources.claimCountsByPhase())) this.set({ phase }, count);
      },
    });
    new Gauge({
      name: 'podeip_claims_not_ready',
      help: 'EIPClaims whose Ready condition is False, by reason',
      labelNames: ['reason'],
      registers,
      collect() {
        this.reset();
        for (const [reason, count] of Object.entries(sources.notReadyClaimsByReason())) this.set({ reason }, count);
      },
    });
    new Gauge({
      name: 'podeip_addresses',
      help: "Addresses counting against the account's quota: owned (tagged for this cluster, pool addresses included) and static (held by claims)",
      labelNames: ['ownership'],
      registers,
      collect() {
        for (const [ownership, count] of Object.entries(sources.addressesByOwnership())) this.set({ ownership }, count);
      },
    });
    new Gauge({ name: 'podeip_build_info', help: "podeip's version", labelNames: ['version'], registers }).set({ version: podeipVersion() }, 1);
    new Gauge({
      name: 'podeip_addresses_unbound',
      help: 'Owned addresses that are allocated but bound to nothing (billed idle)',
      registers,
      collect() {
        this.set(sources.unboundOwnedAddresses());
      },
    });
    this.cloudRequests = new Counter({ name: 'podeip_cloud_requests_total', help: 'Cloud API requests by action and result code', labelNames: ['provider', 'action', 'code'], registers });
    this.cloudUnknownErrors = new Counter({
      name: 'podeip_cloud_unknown_errors_total',
      help: "Cloud API failures with a code in none of the provider's documented error tables (retried as transient)",
      labelNames: ['provider', 'action', 'code'],
      registers,
    });
    this.cloudRequestDuration = new Histogram({ name: 'podeip_cloud_request_duration_seconds', help: 'Cloud API request latency', labelNames: ['provider', 'action'], registers });
    this.bindDuration = new Histogram({
      name: 'podeip_bind_duration_seconds',
      help: 'From claim creation to the address being bound',
      buckets: [0.25, 0.5, 1, 2, 3, 5, 7.5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600],
      registers,
    });
    this.repairs = new Counter({ name: 'podeip_repairs_total', help: 'Repairs by kind: rebind (bound again after an unbind behind podeip), replaced (a lost owned address), orphan (released)', labelNames: ['kind'], registers });
    for (const kind of REPAIR_KINDS) this.repairs.inc({ kind }, 0);
    const orphansReleased = new Counter({ name: 'podeip_orphans_released_total', help: 'Tagged addresses released because their claim no longer exists', registers });
    this.orphansReleased = {
      inc: () => {
        orphansReleased.inc();
        this.repaired('orphan');
      },
    };
    this.cloudSyncLastSuccess = new Gauge({ name: 'podeip_cloud_sync_last_success_timestamp_seconds', help: 'When the last cloud sync pass (drift, orphans) succeeded', registers });
    this.addressQuota = new Gauge({ name: 'podeip_address_quota', help: 'Addresses the account may hold at once in this region (where the cloud reports it)', labelNames: ['provider'], registers });
    this.leader = new Gauge({ name: 'podeip_leader', help: '1 while this replica leads (or runs without leader election)', registers });
    this.poolAddresses = new Gauge({ name: 'podeip_pool_addresses', help: 'Addresses of each EIPPool by state (Available, Bound, Allocating, Releasing)', labelNames: ['pool', 'state'], registers });
    this.reconcileTotal = new Counter({ name: 'controller_runtime_reconcile_total', help: 'Total number of reconciliations per controller', labelNames: ['controller', 'result'], registers });
    this.reconcileErrors = new Counter({ name: 'controller_runtime_reconcile_errors_total', help: 'Total number of reconciliation errors per controller', labelNames: ['controller'], registers });
    this.reconcileTime = new Histogram({ name: 'controller_runtime_reconcile_time_seconds', help: 'Length of time per reconciliation per controller', labelNames: ['controller'], buckets: RECONCILE_BUCKETS, registers });
    this.workqueueDepth = new Gauge({ name: 'workqueue_depth', help: 'Current depth of workqueue', labelNames: ['name', 'controller'], registers });
    this.workqueueAdds = new Counter({ name: 'workqueue_adds_total', help: 'Total number of adds handled by workqueue', labelNames: ['name', 'controller'], registers });
    this.workqueueRetries = new Counter({ name: 'workqueue_retries_total', help: 'Total number of retries handled by workqueue', labelNames: ['name', 'controller'], registers });
    this.workqueueQueueDuration = workqueueHistogram('workqueue_queue_duration_seconds', 'How long in seconds an item stays in workqueue before being requested', registers);
    this.workqueueWorkDuration = workqueueHistogram('workqueue_work_duration_seconds', 'How long in seconds processing an item from workqueue takes', registers);
    collectDefaultMetrics({ register: this.registry });
  }

  cloudCallObserver(): CloudCallObserver {
    return {
      observe: ({ provider, action, code, seconds, undocumented }) => {
        this.cloudRequests.inc({ provider, action, code });
        if (undocumented) this.cloudUnknownErrors.inc({ provider, action, code });
        this.cloudRequestDuration.observe({ provider, action }, seconds);
      },
    };
  }

  queueObserver(controller: string): QueueObserver {
    const labels = { name: controller, controller };
    this.workqueueDepth.set(labels, 0);
    return {
      added: () => this.workqueueAdds.inc(labels),
      retried: () => this.workqueueRetries.inc(labels),
      depth: (depth) => this.workqueueDepth.set(labels, depth),
      waited: (seconds) => this.workqueueQueueDuration.observe(labels, seconds),
      worked: (seconds) => this.workqueueWorkDuration.observe(labels, seconds),
    };
  }

  repaired(kind: RepairKind): void {
    this.repairs.inc({ kind });
  }

  reconciled(controller: string, result: ReconcileResultLabel, seconds: number): void {
    this.reconcileTotal.inc({ controller, result });
    if (result === 'error') this.reconcileErrors.inc({ controller });
    this.reconcileTime.observe({ controller }, seconds);
  }
}

/** controller-runtime's workqueue latency histograms: same labels, same buckets. */
function workqueueHistogram(name: string, help: string, registers: Registry[]): Histogram<'name' | 'controller'> {
  return new Histogram({ name, help, labelNames: ['name', 'controller'], buckets: WORKQUEUE_BUCKETS, registers });
}
