/**
 * Every object, one global resourceVersion counter, and the event log watches replay from.
 * Stored objects are never mutated: writers hand in a fresh object, which the store then owns.
 */
import type { KubeObject } from './resource-type.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoredEvent {
  resourceVersion: number;
  type: WatchEventType;
  /** `group/plural`, the storage key shared by every served version. */
  resource: string;
  object: KubeObject;
  previous?: KubeObject;
}

/** Stored objects are never mutated, so a snapshot shares them. */
export interface StoreSnapshot {
  readonly latestVersion: number;
  readonly compactedThrough: number;
  readonly tables: ReadonlyMap<string, ReadonlyMap<string, KubeObject>>;
  readonly log: readonly StoredEvent[];
}

function copyOfTables(tables: ReadonlyMap<string, ReadonlyMap<string, KubeObject>>): Map<string, Map<string, KubeObject>> {
  return new Map([...tables].map(([resource, table]) => [resource, new Map(table)]));
}

function objectKey(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

export class ObjectStore {
  private latestVersion = 1;
  private compactedThrough = 0;
  private tables = new Map<string, Map<string, KubeObject>>();
  private log: StoredEvent[] = [];
  private readonly subscribers = new Set<(event: StoredEvent) => void>();

  constructor(private retainedWindow: number) {}

  get currentVersion(): number {
    return this.latestVersion;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.tables.get(resource)?.get(`${namespace ?? ''}/${name}`);
  }

  /** Objects of one resource ordered by namespace/name, optionally of one namespace only. */
  list(resource: string, namespace?: string): KubeObject[] {
    const table = this.tables.get(resource);
    if (!table) return [];
    const keys = [...table.keys()].sort();
    const objects = keys.map((key) => table.get(key)!);
    return namespace ? objects.filter((object) => object.metadata.namespace === namespace) : objects;
  }

  /** Stores a new or changed object under the next resourceVersion and tells the watchers. */
  save(resource: string, object: KubeObject): KubeObject {
    const table = this.tables.get(resource) ?? new Map<string, KubeObject>();
    this.tables.set(resource, table);
    const key = objectKey(object);
    const previous = table.get(key);
    object.metadata.resourceVersion = String(++this.latestVersion);
    table.set(key, object);
    this.record({ resourceVersion: this.latestVersion, type: previous ? 'MODIFIED' : 'ADDED', resource, object, previous });
    return object;
  }

  /** Removes an object; the DELETED event carries it with the deletion's resourceVersion. */
  remove(resource: string, object: KubeObject): KubeObject {
    const key = objectKey(object);
    this.tables.get(resource)?.delete(key);
    const removed = { ...object, metadata: { ...object.metadata, resourceVersion: String(++this.latestVersion) } };
    this.record({ resourceVersion: this.latestVersion, type: 'DELETED', resource, object: removed, previous: object });
    return removed;
  }

  /** Events after a version, or undefined when some of them are no longer retained. */
  eventsAfter(resourceVersion: number): StoredEvent[] | undefined {
    if (resourceVersion < this.compactedThrough) return undefined;
    const first = this.log.findIndex((event) => event.resourceVersion > resourceVersion);
    return first < 0 ? [] : this.log.slice(first);
  }

  get oldestRetainedVersion(): number {
    return this.compactedThrough;
  }

  setRetainedWindow(events: number): void {
    this.retainedWindow = events;
    this.compact();
  }

  snapshot(): StoreSnapshot {
    return { latestVersion: this.latestVersion, compactedThrough: this.compactedThrough, tables: copyOfTables(this.tables), log: [...this.log] };
  }

  /** Goes back to a snapshot without telling subscribers (the watches are dropped instead). */
  restore(snapshot: StoreSnapshot): void {
    this.latestVersion = snapshot.latestVersion;
    this.compactedThrough = snapshot.compactedThrough;
    this.tables = copyOfTables(snapshot.tables);
    this.log = [...snapshot.log];
  }

  subscribe(listener: (event: StoredEvent) => void): () => void {
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  private record(event: StoredEvent): void {
    this.log.push(event);
    if (this.log.length > this.retainedWindow * 2) this.compact();
    for (const listener of this.subscribers) listener(event);
  }

  private compact(): void {
    const excess = this.log.length - this.retainedWindow;
    if (excess <= 0) return;
    this.compactedThrough = this.log[excess - 1]!.resourceVersion;
    this.log = this.log.slice(excess);
  }
}
