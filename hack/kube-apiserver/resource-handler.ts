/** The REST endpoints of one resource request, after routing: verbs, subresources, lists, tables, watches. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, methodNotAllowed, pageNotFound } from './api-errors.js';
import type { DeleteOptions } from './deletion-plan.js';
import { UnknownFieldPolicy, type WriteVerb } from './field-validation.js';
import { isDryRun, type OptionsKind } from './dry-run.js';
import { checkListOptions } from './list-options.js';
import { awaitVersion, requestedVersion } from './version-freshness.js';
import { addWarning, parseObjectBody, readBody, sendJson } from './http-io.js';
import { matcherFor, type Selection } from './object-matcher.js';
import type { ListOptions, ObjectService } from './object-service.js';
import type { ResourceRoute } from './api-route.js';
import { APPLY_PATCH, mediaTypeOf } from './patch-document.js';
import { apiVersionOf, resourceKey, storageKeyOf, type KubeObject, type ResourceType } from './resource-type.js';
import { bindPod, patchScale, scaleOf, updateScale } from './subresources.js';
import { includeObjectOf, tableOf, wantsTable } from './table-output.js';
import type { WatchStreams } from './watch-streams.js';

export interface ResourceRequest {
  request: IncomingMessage;
  response: ServerResponse;
  route: ResourceRoute;
  type: ResourceType;
  query: URLSearchParams;
}

function integerParam(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (!/^-?\d+$/.test(value)) throw badRequest(`${name}: Invalid value: "${value}": must be an integer`);
  return Number(value);
}

function selectionOf(route: ResourceRoute, query: URLSearchParams): Selection {
  return {
    namespace: route.namespace,
    labelSelector: query.get('labelSelector') ?? undefined,
    fieldSelector: query.get('fieldSelector') ?? undefined,
  };
}

function deleteOptionsOf(query: URLSearchParams, body: KubeObject): DeleteOptions {
  const orphan = query.get('orphanDependents') ?? body.orphanDependents;
  const legacyPolicy = orphan === undefined || orphan === null ? undefined : String(orphan) === 'true' ? 'Orphan' : 'Background';
  return {
    gracePeriodSeconds: integerParam(query, 'gracePeriodSeconds') ?? body.gracePeriodSeconds,
    propagationPolicy: query.get('propagationPolicy') ?? body.propagationPolicy ?? legacyPolicy,
    preconditions: body.preconditions,
  };
}

function successStatus(type: ResourceType, object: KubeObject, code = 200): KubeObject {
  const details = { name: object.metadata.name, ...(type.group ? { group: type.group } : {}), kind: type.plural, uid: object.metadata.uid };
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details, ...(code !== 200 ? { code } : {}) };
}

/** Lists of built-in types carry no kind/apiVersion on their items; custom resource lists do. */
function listItem(type: ResourceType, object: KubeObject, service: ObjectService): KubeObject {
  const presented = service.present(type, object);
  if (type.schema) return presented;
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = presented;
  return rest;
}

export class ResourceHandler {
  private readonly dryRunService: ObjectService;

  constructor(
    private readonly service: ObjectService,
    private readonly watches: WatchStreams,
    private readonly now: () => Date,
  ) {
    this.dryRunService = service.dryRunView();
  }

  async handle(call: ResourceRequest): Promise<void> {
    const { route } = call;
    if (route.subresource && !this.servesSubresource(call.type, route.subresource)) throw pageNotFound();
    if (call.type.kind === 'Binding') return this.postBinding(call);
    switch (call.request.method) {
      case 'GET':
        return route.name === undefined ? this.listOrWatch(call) : this.get(call);
      case 'POST':
        return this.post(call);
      case 'PUT':
        return this.put(call);
      case 'PATCH':
        return this.patch(call);
      case 'DELETE':
        return route.name === undefined ? this.deleteCollection(call) : this.delete(call);
      default:
        throw methodNotAllowed(call.request.method ?? '');
    }
  }

  /** The request's `fieldValidation` directive; its warnings become `Warning` response headers. */
  private unknownFieldPolicy(call: ResourceRequest, verb: WriteVerb): UnknownFieldPolicy {
    return UnknownFieldPolicy.fromQuery(call.query, verb, (text) => addWarning(call.response, text));
  }

  /** The service a write goes through: the real one, or the dry-run view when `dryRun=All` asks for it. */
  private writer(call: ResourceRequest, optionsKind: OptionsKind, bodyDryRun: unknown = []): ObjectService {
    const values = [...call.query.getAll('dryRun'), ...(Array.isArray(bodyDryRun) ? bodyDryRun.map(String) : [])];
    return isDryRun(values, optionsKind) ? this.dryRunService : this.service;
  }

  private servesSubresource(type: ResourceType, subresource: string): boolean {
    if (subresource === 'status') return type.hasStatus;
    if (subresource === 'scale') return type.hasScale;
    return subresource === 'binding' && resourceKey(type) === '/pods';
  }

  private respond(call: ResourceRequest, status: number, object: KubeObject): void {
    if (call.route.subresource === 'scale') return sendJson(call.response, status, scaleOf(object));
    const presented = this.service.present(call.type, object);
    if (!wantsTable(call.request.headers.accept)) return sendJson(call.response, status, presented);
    const listMetadata = { resourceVersion: object.metadata.resourceVersion };
    const include = includeObjectOf(call.query.get('includeObject'));
    sendJson(call.response, status, tableOf({ type: call.type, objects: [presented], listMetadata, include, now: this.now() }));
  }

  private get(call: ResourceRequest): void {
    const { route } = call;
    this.respond(call, 200, this.service.get(call.type, route.namespace, route.name!));
  }

  private async listOrWatch(call: ResourceRequest): Promise<void> {
    const { query, type } = call;
    const selection = selectionOf(call.route, query);
    const watching = ['true', '1'].includes(query.get('watch') ?? '');
    checkListOptions(query, watching);
    if (watching) return this.watch(call, selection);
    await awaitVersion(this.service.store, requestedVersion(query.get('resourceVersion')));
    const options: ListOptions = { ...selection, limit: integerParam(query, 'limit'), continueToken: query.get('continue') ?? undefined };
    const page = this.service.list(type, options);
    const listMetadata: KubeObject = {
      resourceVersion: page.resourceVersion,
      ...(page.continueToken ? { continue: page.continueToken, remainingItemCount: page.remainingItemCount } : {}),
    };
    if (wantsTable(call.request.headers.accept)) {
      const include = includeObjectOf(query.get('includeObject'));
      const objects = page.items.map((object) => this.service.present(type, object));
      return sendJson(call.response, 200, tableOf({ type, objects, listMetadata, include, now: this.now() }));
    }
    const items = page.items.map((object) => listItem(type, object, this.service));
    sendJson(call.response, 200, { kind: type.listKind, apiVersion: apiVersionOf(type), metadata: listMetadata, items });
  }

  private watch(call: ResourceRequest, selection: Selection): Promise<void> {
    const { type, query } = call;
    const asTable = wantsTable(call.request.headers.accept);
    const include = includeObjectOf(query.get('includeObject'));
    const render = (object: KubeObject): KubeObject => {
      const presented = this.service.present(type, object);
      if (!asTable) return presented;
      return tableOf({ type, objects: [presented], listMetadata: { resourceVersion: object.metadata.resourceVersion }, include, now: this.now() });
    };
    return this.watches.serve(call.response, {
      type,
      matches: matcherFor(type, selection),
      resourceVersion: query.get('resourceVersion') ?? undefined,
      allowBookmarks: query.get('allowWatchBookmarks') === 'true',
      timeoutSeconds: integerParam(query, 'timeoutSeconds'),
      render,
    });
  }

  /** `POST pods/NAME/binding` and `POST bindings` (the pod named by the Binding) both bind a pod. */
  private async postBinding(call: ResourceRequest): Promise<void> {
    const { route } = call;
    if (call.request.method !== 'POST') throw methodNotAllowed(call.request.method ?? '');
    const body = parseObjectBody(await readBody(call.request), call.request.headers['content-type']);
    const pods = this.service.registry.find('', 'v1', 'pods')!;
    bindPod(this.writer(call, 'CreateOptions'), pods, route.namespace!, route.name ?? body.metadata?.name ?? '', body);
    sendJson(call.response, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
  }

  private async post(call: ResourceRequest): Promise<void> {
    const { route, type } = call;
    if (route.subresource === 'binding') return this.postBinding(call);
    const unknownFields = this.unknownFieldPolicy(call, 'create');
    const body = parseObjectBody(await readBody(call.request), call.request.headers['content-type']);
    if (route.name !== undefined || (type.namespaced && route.namespace === undefined)) throw methodNotAllowed('POST');
    this.respond(call, 201, this.writer(call, 'CreateOptions').create(type, route.namespace, body, unknownFields));
  }

  private async put(call: ResourceRequest): Promise<void> {
    const { route, type } = call;
    if (route.name === undefined) throw methodNotAllowed('PUT');
    const unknownFields = this.unknownFieldPolicy(call, 'update');
    const body = parseObjectBody(await readBody(call.request), call.request.headers['content-type']);
    const writer = this.writer(call, 'UpdateOptions');
    if (route.subresource === 'scale') return this.respond(call, 200, updateScale(writer, type, route.namespace!, route.name, body));
    this.respond(call, 200, writer.update(type, route.namespace, route.name, body, route.subresource, unknownFields));
  }

  private async patch(call: ResourceRequest): Promise<void> {
    const { route, type } = call;
    if (route.name === undefined) throw methodNotAllowed('PATCH');
    const unknownFields = this.unknownFieldPolicy(call, 'patch');
    const contentType = call.request.headers['content-type'];
    const body = await readBody(call.request);
    const writer = this.writer(call, 'PatchOptions');
    if (route.subresource === 'scale') {
      return this.respond(call, 200, patchScale(writer, type, route.namespace!, route.name, contentType, body));
    }
    const existed = this.service.store.get(storageKeyOf(type), route.namespace, route.name) !== undefined;
    const patched = writer.patch(type, route.namespace, route.name, { contentType, body, subresource: route.subresource, unknownFields });
    this.respond(call, !existed && mediaTypeOf(contentType) === APPLY_PATCH ? 201 : 200, patched);
  }

  private async delete(call: ResourceRequest): Promise<void> {
    const { route, type } = call;
    const body = parseObjectBody(await readBody(call.request), call.request.headers['content-type']);
    const result = this.writer(call, 'DeleteOptions', body.dryRun).delete(type, route.namespace, route.name!, deleteOptionsOf(call.query, body));
    const returnsObject = !result.removed || type.schema !== undefined || resourceKey(type) === '/pods';
    if (returnsObject) this.respond(call, 200, result.object);
    else sendJson(call.response, 200, successStatus(type, result.object));
  }

  private async deleteCollection(call: ResourceRequest): Promise<void> {
    const { route, type, query } = call;
    const body = parseObjectBody(await readBody(call.request), call.request.headers['content-type']);
    const deleted = this.writer(call, 'DeleteOptions', body.dryRun).deleteCollection(type, selectionOf(route, query), deleteOptionsOf(query, body));
    const items = deleted.map((object) => listItem(type, object, this.service));
    sendJson(call.response, 200, { kind: type.listKind, apiVersion: apiVersionOf(type), metadata: { resourceVersion: String(this.service.store.currentVersion) }, items });
  }
}
