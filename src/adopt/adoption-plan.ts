/**
 * What `podeip adopt` does with each binding it found: adopt it (a claim recording it as Bound), only
 * tag it (adopted before, tags missing), nothing (adopted before), or skip it and say why. A binding
 * is adopted only when the claim the controller then derives from the pod's annotations would keep
 * the address where it is: otherwise podeip would move or release it, a cloud write.
 */
import type { ClaimRequest, StaticAddressRequest, ValidRequest } from '../annotations/claim-request.js';
import { type EIPClaim, keyOf } from '../k8s/eipclaim.js';
import { type EIPPool, POOL_TAG } from '../k8s/eippool.js';
import { CLAIM_UID_TAG, CLUSTER_TAG } from '../lifecycle/address-book.js';
import { ordinalOf } from '../lifecycle/static-choice.js';
import type { CloudAddress } from '../providers/provider.js';
import type { PodView } from '../k8s/pod-view.js';
import type { Candidate, Ownership } from './adoption-sources.js';
import { ADOPTED_FROM_ANNOTATION } from './adopted-claim.js';

export type AdoptAction = 'adopt' | 'tag' | 'none' | 'skip';

interface RowCommon {
  namespace: string;
  name: string;
  addressId?: string;
  publicIp?: string;
  ownership?: Ownership;
}

/** A binding podeip takes over (or took over before): everything the claim and the tags need. */
export interface ActionableRow extends RowCommon {
  action: 'adopt' | 'tag' | 'none';
  addressId: string;
  ownership: Ownership;
  pod: PodView;
  address: CloudAddress;
  request: OwnedOrStatic;
  claim?: EIPClaim;
}

export interface SkippedRow extends RowCommon {
  action: 'skip';
  reason: string;
}

export type PlanRow = ActionableRow | SkippedRow;

type OwnedOrStatic = Extract<ValidRequest, { kind: 'owned' | 'static' }>;

export interface PlanInputs {
  claims: EIPClaim[];
  /** Every EIPPool: an address one lists is that pool's to lend. */
  pools: EIPPool[];
  clusterId: string;
  parse(pod: PodView): ClaimRequest;
}

export function planAdoption(candidates: Candidate[], inputs: PlanInputs): PlanRow[] {
  const claimsByKey = new Map(inputs.claims.map((claim) => [keyOf(claim.metadata), claim]));
  return candidates
    .map((candidate) => planOne(candidate, claimsByKey.get(keyOf(candidate)), inputs))
    .sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

function planOne(candidate: Candidate, claim: EIPClaim | undefined, inputs: PlanInputs): PlanRow {
  const { namespace, name, pod, address } = candidate;
  const common: RowCommon = { namespace, name, ...(candidate.addressId ? { addressId: candidate.addressId } : {}), ...(address?.publicIp ? { publicIp: address.publicIp } : {}) };
  const skip = (reason: string, ownership?: Ownership): SkippedRow => ({ ...common, ...(ownership ? { ownership } : {}), action: 'skip', reason });
  if (!pod || pod.deleting || pod.phase !== 'Running' || !pod.podIP) return skip('pod is not running');
  if (!address) return skip(candidate.addressId ? `address ${candidate.addressId} does not exist` : `no address is bound to ${pod.podIP}`);
  if (address.state !== 'Bound' || address.target?.privateIp !== pod.podIP) return skip(`address is not bound to the pod's IP ${pod.podIP}`);
  const keptElsewhere = keeperOtherThan(claim, address, inputs);
  if (keptElsewhere) return skip(keptElsewhere);
  const request = inputs.parse(pod);
  if (request.kind !== 'owned' && request.kind !== 'static') return skip(`the pod's annotations ask for no owned or static address (${describe(request)})`);
  const ownership: Ownership = request.kind === 'owned' ? 'Owned' : 'Static';
  if (candidate.sourceOwnership && candidate.sourceOwnership !== ownership) {
    return skip(`the source says ${candidate.sourceOwnership} but the pod's annotations ask for ${ownership}`, candidate.sourceOwnership);
  }
  if (request.kind === 'static' && !namesForPod(request, pod.name, address.id)) return skip(`the pod's annotations do not name ${address.id} for this pod`, ownership);
  const row = { ...common, addressId: address.id, ownership, pod, address, request };
  if (!claim) return { ...row, action: 'adopt' };
  if (wasLeftUnrecorded(claim)) return { ...row, claim, action: 'adopt' };
  if (claim.status?.addressId !== address.id) return skip(`claim ${keyOf(claim.metadata)} already exists${claim.status?.addressId ? ` holding ${claim.status.addressId}` : ''}`, ownership);
  return { ...row, claim, action: ownership === 'Owned' && !carriesClaimTags(address, claim, inputs.clusterId) ? 'tag' : 'none' };
}

/**
 * Why the address is already kept for someone other than this pod's claim: another cluster's tag,
 * another claim recording or naming it, a pool listing it, another claim's UID tag, or a pool's tag. Adopting it would
 * retag it (stealing it) or let two claims decide its fate.
 */
function keeperOtherThan(claim: EIPClaim | undefined, address: CloudAddress, inputs: PlanInputs): string | undefined {
  const cluster = address.tags[CLUSTER_TAG];
  if (cluster !== undefined && cluster !== inputs.clusterId) return `address is tagged for cluster ${cluster}`;
  const holder = inputs.claims.find((other) => other !== claim && (other.status?.addressId === address.id || other.spec?.addressId === address.id));
  if (holder) return `address is held by claim ${keyOf(holder.metadata)}`;
  const lender = inputs.pools.find((pool) => pool.spec.addresses?.includes(address.id));
  if (lender) return `address is listed by EIPPool ${lender.metadata.name}`;
  if (cluster === undefined) return undefined;
  const claimUid = address.tags[CLAIM_UID_TAG];
  if (claimUid !== undefined && claimUid !== claim?.metadata.uid) return `address is tagged for claim UID ${claimUid}`;
  const pool = address.tags[POOL_TAG];
  return pool === undefined ? undefined : `address is tagged for EIPPool ${pool}`;
}

/** A claim an earlier `podeip adopt` created and stopped before recording as Bound. */
function wasLeftUnrecorded(claim: EIPClaim): boolean {
  return claim.metadata.annotations?.[ADOPTED_FROM_ANNOTATION] !== undefined && !claim.status?.addressId;
}

function describe(request: ClaimRequest): string {
  return request.kind === 'invalid' ? `annotation ${request.annotation} ${request.problem}` : request.kind;
}

/** The entry the controller would hold for this pod: at its ordinal, or any entry of a list without ordinals. */
function namesForPod(request: StaticAddressRequest, podName: string, addressId: string): boolean {
  const ordinal = request.chooseByOrdinal ? ordinalOf(podName) : undefined;
  return ordinal === undefined ? request.addressIds.includes(addressId) : request.addressIds[ordinal] === addressId;
}

export function carriesClaimTags(address: CloudAddress, claim: EIPClaim, clusterId: string): boolean {
  return address.tags[CLUSTER_TAG] === clusterId && address.tags[CLAIM_UID_TAG] === claim.metadata.uid;
}

const HEADER = ['POD', 'ADDRESS', 'PUBLIC-IP', 'OWNERSHIP', 'ACTION'];

/** The plan as aligned columns, one row per binding found. */
export function planTable(rows: PlanRow[]): string {
  const cells = rows.map((row) => [keyOf(row), row.addressId ?? '-', row.publicIp ?? '-', row.ownership ?? '-', actionText(row)]);
  const widths = HEADER.map((_, column) => Math.max(...[HEADER, ...cells].map((line) => line[column]!.length)));
  return [HEADER, ...cells].map((line) => line.map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n');
}

function actionText(row: PlanRow): string {
  if (row.action === 'skip') return `skip: ${row.reason}`;
  if (row.action === 'tag') return 'tag (claim exists)';
  if (row.action === 'adopt' && row.claim) return 'adopt (resumed)';
  return row.action === 'none' ? 'none (adopted)' : 'adopt';
}
