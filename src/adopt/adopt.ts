/**
 * `podeip adopt` (SPEC §11): read the source's bindings, print the plan, and unless it is a dry run
 * create the claims and tag the owned addresses. Its only cloud writes are tags; running it again
 * changes nothing.
 */
import type { AnnotationDialect } from '../annotations/claim-request.js';
import type { PodEIP } from '../compat/podeip-resource.js';
import type { EIPClaim } from '../k8s/eipclaim.js';
import type { PodView } from '../k8s/pod-view.js';
import type { CloudAddress, Provider } from '../providers/provider.js';
import { type ActionableRow, type PlanRow, planAdoption, planTable } from './adoption-plan.js';
import { type AdoptSource, addressIdsToRead, candidatesOf } from './adoption-sources.js';
import { adoptedClaim, boundStatus, type NewClaim, ownedAddressTags } from './adopted-claim.js';

/** The cluster reads and writes adoption needs. */
export interface AdoptionCluster {
  pods(): Promise<PodView[]>;
  claims(): Promise<EIPClaim[]>;
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
}

export async function adopt(provider: Provider, cluster: AdoptionCluster, dialect: AnnotationDialect, options: AdoptOptions): Promise<AdoptionReport> {
  const [pods, claims, podEips] = await Promise.all([cluster.pods(), cluster.claims(), options.source === 'ack-extend' ? cluster.podEips() : []]);
  const addresses = await readAddresses(provider, addressIdsToRead(options.source, podEips));
  const parse = (pod: PodView) => dialect.parse(pod);
  const rows = planAdoption(candidatesOf(options.source, { pods, addresses, podEips, parse }), { claims, clusterId: options.clusterId, parse });
  options.print(planTable(rows));
  const report = { rows, adopted: 0, tagged: 0, skipped: rows.filter((row) => row.action === 'skip').length };
  if (options.dryRun) {
    options.print('dry run: nothing changed');
    return report;
  }
  for (const row of rows) {
    if (row.action === 'adopt') report.adopted += 1;
    if (row.action === 'adopt' || row.action === 'tag') report.tagged += Number(await carryOut(row, provider, cluster, options));
  }
  options.print(`adopted ${report.adopted}, tagged ${report.tagged}, skipped ${report.skipped}`);
  return report;
}

function readAddresses(provider: Provider, ids: string[] | undefined): Promise<CloudAddress[]> {
  if (ids === undefined) return provider.describeByTags({});
  return ids.length === 0 ? Promise.resolve([]) : provider.describeByIds(ids);
}

/** Creates and records the claim (for `adopt`), then tags an owned address with it; resolves whether it tagged. */
async function carryOut(row: ActionableRow, provider: Provider, cluster: AdoptionCluster, options: AdoptOptions): Promise<boolean> {
  let claim = row.claim;
  if (!claim) {
    const created = await cluster.createClaim(adoptedClaim(row, provider.name));
    claim = await cluster.patchClaimStatus(created, boundStatus(row, created.metadata.generation, options.now()));
  }
  // OKG and other readers keep reading the same PodEIP: podeip writes it from now on, as its own.
  if (options.source === 'ack-extend') await cluster.handOverPodEip(claim);
  if (row.ownership !== 'Owned') return false;
  await provider.tagAddress(row.addressId, ownedAddressTags(claim, options.clusterId));
  return true;
}
