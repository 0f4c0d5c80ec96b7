/**
 * `podeip adopt` (SPEC §11): read the source's bindings, print the plan, and unless it is a dry run
 * create the claims and tag the owned addresses. Its only cloud writes are tags; running it again
 * changes nothing.
 */
import type { AnnotationDialect } from '../annotations/claim-request.js';
import type { PodEIP } from '../compat/podeip-resource.js';
import type { EIPClaim } from '../k8s/eipclaim.js';
import type { EIPPool } from '../k8s/eippool.js';
import { httpStatusOf } from '../k8s/kube-api.js';
import { isCloudError } from '../providers/cloud-error.js';
import type { PodView } from '../k8s/pod-view.js';
import type { CloudAddress, Provider } from '../providers/provider.js';
import { type ActionableRow, carriesClaimTags, type PlanRow, planAdoption, planTable } from './adoption-plan.js';
import { type AdoptSource, addressIdsToRead, candidatesOf } from './adoption-sources.js';
import { adoptedClaim, boundStatus, type NewClaim, ownedAddressTags } from './adopted-claim.js';

/** The cluster reads and writes adoption needs. */
export interface AdoptionCluster {
  pods(): Promise<PodView[]>;
  claims(): Promise<EIPClaim[]>;
  pools(): Promise<EIPPool[]>;
  /** ack-extend's PodEIPs; [] when their CRD is not installed. */
  podEips(): Promise<PodEIP[]>;
  createClaim(claim: NewClaim): Promise<EIPClaim>;
  patchClaimStatus(claim: EIPClaim, status: object): Promise<EIPClaim>;
  /** Hands ack-extend's PodEIP of the claim's pod to podeip, which keeps it up to date from then on (SPEC §11). */
  handOverPodEip(claim: EIPClaim): Promise<void>;
}

export interface AdoptOptions {
  source: AdoptSource;
  clusterId: string;
  dryRun: boolean;
  now(): Date;
  print(line: string): void;
}

export interface AdoptionReport {
  rows: PlanRow[];
  adopted: number;
  tagged: number;
  skipped: number;
  /** Rows a cloud or API server error stopped half-way: a rerun finishes them. */
  failed: number;
}

export async function adopt(provider: Provider, cluster: AdoptionCluster, dialect: AnnotationDialect, options: AdoptOptions): Promise<AdoptionReport> {
  const [pods, claims, pools, podEips] = await Promise.all([cluster.pods(), cluster.claims(), cluster.pools(), options.source === 'ack-extend' ? cluster.podEips() : []]);
  const addresses = await readAddresses(provider, addressIdsToRead(options.source, podEips));
  const parse = (pod: PodView) => dialect.parse(pod);
  const rows = planAdoption(candidatesOf(options.source, { pods, addresses, podEips, parse }), { claims, pools, clusterId: options.clusterId, parse });
  options.print(planTable(rows));
  const report = { rows, adopted: 0, tagged: 0, skipped: rows.filter((row) => row.action === 'skip').length, failed: 0 };
  if (options.dryRun) {
    options.print('dry run: nothing changed');
    return report;
  }
  for (const row of rows) {
    if (row.action !== 'adopt' && row.action !== 'tag') continue;
    try {
      report.tagged += Number(await carryOut(row, provider, cluster, options));
      if (row.action === 'adopt') report.adopted += 1;
    } catch (error) {
      report.failed += 1;
      options.print(`failed ${row.namespace}/${row.name}: ${failureText(error)}; run podeip adopt again to finish it`);
    }
  }
  const failed = report.failed > 0 ? `, failed ${report.failed}` : '';
  options.print(`adopted ${report.adopted}, tagged ${report.tagged}, skipped ${report.skipped}${failed}`);
  return report;
}

function readAddresses(provider: Provider, ids: string[] | undefined): Promise<CloudAddress[]> {
  if (ids === undefined) return provider.describeByTags({});
  return ids.length === 0 ? Promise.resolve([]) : provider.describeByIds(ids);
}

/**
 * Creates the claim (for `adopt`), tags an owned address with it, then records it as Bound; resolves
 * whether it tagged. Tagged before recorded: a controller started after a run that stopped in between
 * finds the address by the claim's tag and takes it, rather than allocating another; a rerun resumes.
 */
async function carryOut(row: ActionableRow, provider: Provider, cluster: AdoptionCluster, options: AdoptOptions): Promise<boolean> {
  const claim = row.claim ?? (await cluster.createClaim(adoptedClaim(row, provider.name, options.source)));
  const tagging = row.ownership === 'Owned' && !carriesClaimTags(row.address, claim, options.clusterId);
  if (tagging) await provider.tagAddress(row.addressId, ownedAddressTags(claim, options.clusterId));
  const recorded = claim.status?.addressId ? claim : await cluster.patchClaimStatus(claim, boundStatus(row, claim.metadata.generation, options.now()));
  // OKG and other readers keep reading the same PodEIP: podeip writes it from now on, as its own.
  if (options.source === 'ack-extend') await cluster.handOverPodEip(recorded);
  return tagging;
}

/** One line for what stopped a row: the cloud's code, or the API server's status and message. */
function failureText(error: unknown): string {
  if (isCloudError(error)) return error.summary();
  const status = httpStatusOf(error);
  if (status === undefined) return (error as Error).message.split('\n')[0]!;
  const message = statusMessageOf((error as { body?: unknown }).body);
  return `the API server answered ${status}${message ? `: ${message}` : ''}`;
}

/** The `message` of a Status body, when the body is one. */
function statusMessageOf(body: unknown): string | undefined {
  try {
    const message = typeof body === 'string' ? (JSON.parse(body) as { message?: unknown }).message : undefined;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}
