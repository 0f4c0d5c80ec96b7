/**
 * Carries out a teardown plan: each owned address is unbound (when bound), then released; each static
 * one is unbound; then every claim and pool whose addresses are done loses podeip's finalizer. One
 * address that fails does not stop the others, and its claim or pool keeps the finalizer, so it still names it.
 */
import { type EIPClaim, FINALIZER, keyOf, splitKey } from '../k8s/eipclaim.js';
import { type EIPPool, POOL_FINALIZER } from '../k8s/eippool.js';
import type { KubeApi } from '../k8s/kube-api.js';
import { CLUSTER_TAG } from '../lifecycle/address-book.js';
import { isCloudError } from '../providers/cloud-error.js';
import type { CloudAddress, Provider } from '../providers/provider.js';
import { type AddressStep, planTeardown, type TeardownPlan } from './teardown-plan.js';

export interface TeardownOptions {
  clusterId: string;
  /** `--namespace`: tear down only that namespace's claims and addresses. */
  namespace?: string;
  dryRun: boolean;
  /** Pause between reads while an unbind or release finishes. */
  pollIntervalMs: number;
  /** How long one unbind or release may take before it counts as failed. */
  waitLimitMs: number;
  /** One progress line (no newline). */
  progress(line: string): void;
  /** Told the plan before anything is written. */
  planned?(plan: TeardownPlan): void;
}

export interface StepResult extends AddressStep {
  /** What happened: `released`, `unbound`, `would release`, `would unbind`, or `failed: ...`. */
  result: string;
}

export interface TeardownReport {
  steps: StepResult[];
  /** `EIPClaim namespace/name` or `EIPPool name`. */
  finalizersRemoved: string[];
  failed: boolean;
}

export async function planFor(provider: Provider, api: KubeApi, clusterId: string, namespace?: string): Promise<{ plan: TeardownPlan; claims: EIPClaim[]; pools: EIPPool[] }> {
  const claims = (await api.listClaims()).items as EIPClaim[];
  const pools = (await api.listPools()).items as EIPPool[];
  const tagged = await provider.describeByTags({ [CLUSTER_TAG]: clusterId });
  const heldIds = claims.map((claim) => claim.status?.addressId).filter((id): id is string => Boolean(id));
  const held = heldIds.length > 0 ? await provider.describeByIds(heldIds) : [];
  return { plan: planTeardown(clusterId, { claims, pools, tagged, held, namespace }), claims, pools };
}

export async function tearDown(provider: Provider, api: KubeApi, options: TeardownOptions): Promise<TeardownReport> {
  const { plan, claims, pools } = await planFor(provider, api, options.clusterId, options.namespace);
  options.planned?.(plan);
  if (options.dryRun) return describePlan(plan, options);
  const steps: StepResult[] = [];
  for (const step of plan.addresses) steps.push(await carryOut(step, provider, options));
  const failed = steps.filter((step) => step.result.startsWith('failed'));
  const unfinished = new Set(failed.flatMap((step) => [step.claim, step.pool].filter((holder) => holder !== undefined)));
  const finalizersRemoved: string[] = [];
  for (const claim of claims) {
    const key = keyOf(claim.metadata);
    if (!plan.finalizers.includes(key) || unfinished.has(key)) continue;
    await removeClaimFinalizer(api, claim);
    options.progress(`removed finalizer ${FINALIZER} from EIPClaim ${key}`);
    finalizersRemoved.push(`EIPClaim ${key}`);
  }
  for (const pool of pools) {
    const { name } = pool.metadata;
    if (!plan.poolFinalizers.includes(name) || unfinished.has(name)) continue;
    await removePoolFinalizer(api, pool);
    options.progress(`removed finalizer ${POOL_FINALIZER} from EIPPool ${name}`);
    finalizersRemoved.push(`EIPPool ${name}`);
  }
  return { steps, finalizersRemoved, failed: failed.length > 0 };
}

function describePlan(plan: TeardownPlan, options: TeardownOptions): TeardownReport {
  const steps = plan.addresses.map((step) => ({ ...step, result: `would ${step.action}` }));
  for (const step of steps) options.progress(`dry-run: would ${step.action} ${step.address.id}${step.address.target ? ' (unbinding it first)' : ''}${step.claim ? ` of EIPClaim ${step.claim}` : ''}`);
  for (const key of plan.finalizers) options.progress(`dry-run: would remove finalizer ${FINALIZER} from EIPClaim ${key}`);
  for (const name of plan.poolFinalizers) options.progress(`dry-run: would remove finalizer ${POOL_FINALIZER} from EIPPool ${name}`);
  return { steps, finalizersRemoved: [], failed: false };
}

async function carryOut(step: AddressStep, provider: Provider, options: TeardownOptions): Promise<StepResult> {
  const { address } = step;
  const of = step.claim ? ` of EIPClaim ${step.claim}` : '';
  try {
    if (address.target || address.state === 'Bound' || address.state === 'Binding') {
      await provider.disassociate(address.id, address.target);
      await waitFor(provider, address.id, (now) => !now || (!now.target && now.state === 'Available'), 'unbound', options);
      options.progress(`unbound ${address.id}${of}`);
    }
    if (step.action === 'unbind') return { ...step, result: 'unbound' };
    await provider.release(address.id);
    await waitFor(provider, address.id, (now) => !now, 'released', options);
    options.progress(`released ${address.id}${of}`);
    return { ...step, result: 'released' };
  } catch (error) {
    const reason = isCloudError(error) ? error.describe() : (error as Error).message;
    options.progress(`failed to ${step.action} ${address.id}${of}: ${reason}`);
    return { ...step, result: `failed: ${reason}` };
  }
}

async function waitFor(provider: Provider, addressId: string, done: (address: CloudAddress | undefined) => boolean, what: string, options: TeardownOptions): Promise<void> {
  const deadline = Date.now() + options.waitLimitMs;
  for (;;) {
    const [now] = await provider.describeByIds([addressId]);
    if (done(now)) return;
    if (Date.now() > deadline) throw new Error(`${addressId} not ${what} after ${options.waitLimitMs / 1000}s (status ${now?.rawStatus})`);
    await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs));
  }
}

async function removeClaimFinalizer(api: KubeApi, claim: EIPClaim): Promise<void> {
  const { namespace, name } = splitKey(keyOf(claim.metadata));
  await api.patchClaim(namespace, name, withoutFinalizer(claim.metadata, FINALIZER));
}

async function removePoolFinalizer(api: KubeApi, pool: EIPPool): Promise<void> {
  await api.patchPool(pool.metadata.name, withoutFinalizer(pool.metadata, POOL_FINALIZER));
}

/** A merge patch with a resourceVersion precondition, so a finalizer someone added meanwhile is not lost. */
function withoutFinalizer(metadata: { finalizers?: string[]; resourceVersion?: string }, finalizer: string): object {
  return { metadata: { finalizers: (metadata.finalizers ?? []).filter((candidate) => candidate !== finalizer), resourceVersion: metadata.resourceVersion } };
}

/** The summary: one row per address, then the finalizer count. */
export function summaryTable(report: TeardownReport): string {
  const header = ['ADDRESS', 'PUBLIC-IP', 'CLAIM', 'ACTION', 'RESULT'];
  const rows = report.steps.map((step) => [step.address.id, step.address.publicIp || '-', step.claim ?? '-', step.action, step.result]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const lines = [header, ...rows].map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '));
  return [...lines, `finalizers removed: ${report.finalizersRemoved.length}`].join('\n');
}
