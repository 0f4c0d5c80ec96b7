/** The in-process controls tests use: watch disruption, fault injection and the request log. */
import { injectedFailure, type ApiError } from './api-errors.js';
import type { StoreSnapshot } from './object-store.js';
import type { KubeObject } from './resource-type.js';

export interface FaultSpec {
  method?: string;
  pathPattern: RegExp;
  status?: number;
  latencyMs?: number;
  /** How many matching requests it affects; unlimited when absent. */
  times?: number;
}

export interface RequestLogEntry {
  /** The RBAC verb: get, list, watch, create, update, patch, delete, deletecollection. */
  verb: string;
  path: string;
  query: string;
  contentType?: string;
  status: number;
  /** The bearer token, which names the user (there is no authentication). */
  user?: string;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface TestHooks {
  dropAllWatches(): void;
  expireNextWatch(): void;
  setRetainedWindow(events: number): void;
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  requestLog(): RequestLogEntry[];
  clearRequestLog(): void;
  /** How many watch streams are open now (to wait until a client has re-watched). */
  openWatches(): number;
  /** How many watch streams of one resource (`group/plural`, e.g. `/pods`, `podeip.io/eipclaims`) are open now. */
  openWatchesOf(resource: string): number;
  /** The storage as it is now, to restore later. */
  snapshotStore(): StoreSnapshot;
  /**
   * An etcd restore from backup: objects, resourceVersions and the event log return to the snapshot and
   * every watch is dropped, so clients holding newer versions meet "Too large resource version".
   */
  restoreStore(snapshot: StoreSnapshot): void;
  /** Stores whole objects of one resource (`group/plural`, e.g. `/pods`) as given, past admission: bulk state for benchmarks. */
  seedObjects(resource: string, objects: KubeObject[]): void;
}

export interface FaultOutcome {
  latencyMs: number;
  failure?: ApiError;
}

export class FaultTable {
  private faults: FaultSpec[] = [];

  add(fault: FaultSpec): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  /** The first matching fault, counted against its `times`. */
  outcomeFor(method: string, path: string): FaultOutcome | undefined {
    const fault = this.faults.find((candidate) => (!candidate.method || candidate.method.toUpperCase() === method) && candidate.pathPattern.test(path));
    if (!fault) return undefined;
    if (fault.times !== undefined && --fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return { latencyMs: fault.latencyMs ?? 0, failure: fault.status ? injectedFailure(fault.status) : undefined };
  }
}
