/**
 * Watch responses: chunked JSON lines of {type, object}, replayed from the event log after the
 * requested resourceVersion, then live. A version older than the retained window gets an ERROR event
 * with a 410 Expired Status, then the stream closes, as kube-apiserver's watch cache does.
 */
import type { ServerResponse } from 'node:http';
import { expired, type ApiError } from './api-errors.js';
import type { ObjectMatcher } from './object-matcher.js';
import type { ObjectStore, StoredEvent, WatchEventType } from './object-store.js';
import { awaitVersion, requestedVersion } from './version-freshness.js';
import { apiVersionOf, resourceKey, storageKeyOf, type KubeObject, type ResourceType } from './resource-type.js';

export interface WatchRequest {
  type: ResourceType;
  matches: ObjectMatcher;
  resourceVersion?: string;
  allowBookmarks: boolean;
  timeoutSeconds?: number;
  /** How an object appears in an event: the object itself, or a one-row Table. */
  render: (object: KubeObject) => KubeObject;
}

const BOOKMARK_INTERVAL_MS = 60_000;

/** What a watcher whose selection an object enters or leaves sees, as with kube-apiserver's watch cache. */
function visibleType(event: StoredEvent, matches: ObjectMatcher): WatchEventType | undefined {
  if (event.type === 'ADDED') return matches(event.object) ? 'ADDED' : undefined;
  if (event.type === 'DELETED') return matches(event.previous ?? event.object) ? 'DELETED' : undefined;
  const now = matches(event.object);
  const before = event.previous ? matches(event.previous) : false;
  if (now && before) return 'MODIFIED';
  if (now) return 'ADDED';
  return before ? 'DELETED' : undefined;
}

export class WatchStreams {
  /** Each open stream with the resource it watches (`group/plural`). */
  private readonly open = new Map<ServerResponse, string>();
  private expireNext = false;

  constructor(private readonly store: ObjectStore) {}

  get count(): number {
    return this.open.size;
  }

  countOf(resource: string): number {
    return [...this.open.values()].filter((watched) => watched === resource).length;
  }

  expireNextWatch(): void {
    this.expireNext = true;
  }

  dropAll(): void {
    for (const response of this.open.keys()) response.end();
    this.open.clear();
  }

  /** A version ahead of the store is waited for; if it does not come, the one event is an ERROR (apiserver's errWatcher). */
  async serve(response: ServerResponse, request: WatchRequest): Promise<void> {
    const since = requestedVersion(request.resourceVersion);
    const tooLarge = await awaitVersion(this.store, since).then(() => undefined, (error: ApiError) => error);
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
    response.flushHeaders();
    const send = (type: string, object: KubeObject) => response.write(`${JSON.stringify({ type, object })}\n`);
    if (tooLarge) {
      send('ERROR', tooLarge.toStatus());
      response.end();
      return;
    }
    const replay = since === undefined ? undefined : this.store.eventsAfter(since);
    if (since !== undefined && (replay === undefined || this.expireNext)) {
      this.expireNext = false;
      send('ERROR', expired(`too old resource version: ${since} (${this.store.oldestRetainedVersion + 1})`).toStatus());
      response.end();
      return;
    }
    const relay = (event: StoredEvent) => {
      if (event.resource !== storageKeyOf(request.type)) return;
      const type = visibleType(event, request.matches);
      if (type) send(type, request.render(event.object));
    };
    if (replay) replay.forEach(relay);
    else this.store.list(storageKeyOf(request.type)).filter(request.matches).forEach((object) => send('ADDED', request.render(object)));
    const bookmark = () =>
      send('BOOKMARK', { kind: request.type.kind, apiVersion: apiVersionOf(request.type), metadata: { resourceVersion: String(this.store.currentVersion) } });
    if (request.allowBookmarks) bookmark();
    this.keepOpen(response, this.store.subscribe(relay), request, bookmark);
  }

  private keepOpen(response: ServerResponse, unsubscribe: () => void, request: WatchRequest, bookmark: () => void): void {
    this.open.set(response, resourceKey(request.type));
    const timers: NodeJS.Timeout[] = [];
    if (request.allowBookmarks) timers.push(setInterval(bookmark, BOOKMARK_INTERVAL_MS));
    if (request.timeoutSeconds) timers.push(setTimeout(() => response.end(), request.timeoutSeconds * 1000));
    response.on('close', () => {
      unsubscribe();
      timers.forEach(clearTimeout);
      this.open.delete(response);
    });
  }
}
