import { V1MicroTime, type V1Lease, type V1LeaseSpec } from '@kubernetes/client-node';

/** The fields of a Lease that leader election reads and writes (client-go's LeaderElectionRecord); times in epoch ms (wall time). */
export interface LeaderRecord {
  holderIdentity: string;
  leaseDurationSeconds: number;
  acquireTime: number;
  renewTime: number;
  leaseTransitions: number;
}

export function recordFromLease(lease: V1Lease): LeaderRecord {
  const spec = lease.spec ?? {};
  return {
    holderIdentity: spec.holderIdentity ?? '',
    leaseDurationSeconds: spec.leaseDurationSeconds ?? 0,
    acquireTime: epochMsOf(spec.acquireTime),
    renewTime: epochMsOf(spec.renewTime),
    leaseTransitions: spec.leaseTransitions ?? 0,
  };
}

/** client-node 1.4 does not deserialize MicroTime: it arrives as the wire string despite its declared type. */
function epochMsOf(time: Date | string | undefined): number {
  return time === undefined ? 0 : new Date(time).getTime();
}

export function leaseSpecFromRecord(record: LeaderRecord): V1LeaseSpec {
  return {
    holderIdentity: record.holderIdentity,
    leaseDurationSeconds: record.leaseDurationSeconds,
    acquireTime: new V1MicroTime(record.acquireTime),
    renewTime: new V1MicroTime(record.renewTime),
    leaseTransitions: record.leaseTransitions,
  };
}

export function sameRecord(a: LeaderRecord, b: LeaderRecord): boolean {
  return (
    a.holderIdentity === b.holderIdentity &&
    a.leaseDurationSeconds === b.leaseDurationSeconds &&
    a.acquireTime === b.acquireTime &&
    a.renewTime === b.renewTime &&
    a.leaseTransitions === b.leaseTransitions
  );
}

/**
 * Whether someone else still holds the lease. Judged, like client-go, from when this process last saw
 * the record change (`observedAt`, local monotonic clock, as `now`) plus the record's duration, never
 * from its timestamps, so neither clock skew between replicas nor a step of the wall clock matters.
 */
export function isHeldByAnother(record: LeaderRecord, identity: string, observedAt: number, now: number): boolean {
  return (
    record.holderIdentity !== '' &&
    record.holderIdentity !== identity &&
    observedAt + record.leaseDurationSeconds * 1000 > now
  );
}

/** The record to write when taking or renewing the lease: a renewal keeps acquireTime and the transition count. */
export function claimedRecord(
  previous: LeaderRecord | undefined,
  identity: string,
  leaseDurationSeconds: number,
  now: number,
): LeaderRecord {
  const renewing = previous?.holderIdentity === identity;
  return {
    holderIdentity: identity,
    leaseDurationSeconds,
    acquireTime: renewing ? previous.acquireTime : now,
    renewTime: now,
    leaseTransitions: previous === undefined ? 0 : previous.leaseTransitions + (renewing ? 0 : 1),
  };
}

/** What client-go writes on release: no holder and a 1 s duration, so a waiting candidate takes over at once. */
export function releasedRecord(previous: LeaderRecord, now: number): LeaderRecord {
  return {
    holderIdentity: '',
    leaseDurationSeconds: 1,
    acquireTime: now,
    renewTime: now,
    leaseTransitions: previous.leaseTransitions,
  };
}
