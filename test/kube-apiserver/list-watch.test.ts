import { ListWatch, Watch, makeInformer, type KubernetesObject, type V1Pod } from '@kubernetes/client-node';
import { useLocalServer } from './local-server.js';

const pod = (name: string, labels: Record<string, string>, namespace = 'default'): V1Pod => ({
  metadata: { name, namespace, labels },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
});

interface WatchLine {
  type: string;
  object: KubernetesObject & { code?: number; reason?: string };
}

/** Reads watch events until `count` have arrived (or the stream ends). */
async function watchEvents(url: string, count: number): Promise<WatchLine[]> {
  const response = await fetch(url, { headers: { Authorization: 'Bearer admin' } });
  const reader = response.body!.getReader();
  const events: WatchLine[] = [];
  let buffered = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += new TextDecoder().decode(value);
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    events.push(...lines.filter((line) => line !== '').map((line) => JSON.parse(line) as WatchLine));
  }
  await reader.cancel();
  return events;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('local API server: list, watch, selectors', () => {
  const local = useLocalServer();

  beforeAll(async () => {
    await local.core.createNamespace({ body: { metadata: { name: 'other' } } });
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('a', { app: 'web', tier: 'front' }) });
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('b', { app: 'web' }) });
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('c', { app: 'db' }) });
    await local.core.createNamespacedPod({ namespace: 'other', body: pod('d', { app: 'web' }, 'other') });
  });

  it('lists with a resourceVersion, items without kind, across namespaces', async () => {
    const response = await fetch(`${local.server.url}/api/v1/pods`);
    const list = (await response.json()) as { kind: string; metadata: { resourceVersion: string }; items: Array<V1Pod & { kind?: string }> };
    expect(list.kind).toBe('PodList');
    expect(list.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(list.items.map((item) => `${item.metadata!.namespace}/${item.metadata!.name}`)).toEqual(['default/a', 'default/b', 'default/c', 'other/d']);
    expect(list.items[0].kind).toBeUndefined();
  });

  it('selects by label (=, !=, in, notin, exists, not exists)', async () => {
    const names = async (labelSelector: string) =>
      (await local.core.listNamespacedPod({ namespace: 'default', labelSelector })).items.map((item) => item.metadata!.name);
    expect(await names('app=web')).toEqual(['a', 'b']);
    expect(await names('app!=web')).toEqual(['c']);
    expect(await names('app in (db, web),tier')).toEqual(['a']);
    expect(await names('app notin (web)')).toEqual(['c']);
    expect(await names('!tier')).toEqual(['b', 'c']);
  });

  it('selects by field, and rejects fields the kind does not index', async () => {
    const all = await local.core.listPodForAllNamespaces({ fieldSelector: 'metadata.namespace=other' });
    expect(all.items.map((item) => item.metadata!.name)).toEqual(['d']);
    const pending = await local.core.listNamespacedPod({ namespace: 'default', fieldSelector: 'status.phase=Pending,metadata.name!=a,spec.nodeName=' });
    expect(pending.items.map((item) => item.metadata!.name)).toEqual(['b', 'c']);
    const error = await local.core.listNamespacedPod({ namespace: 'default', fieldSelector: 'spec.hostname=x' }).catch((e) => e);
    expect(error.code).toBe(400);
    expect(JSON.parse(error.body).message).toBe('field label not supported: spec.hostname');
  });

  it('pages with limit and continue', async () => {
    const first = await local.core.listPodForAllNamespaces({ limit: 3 });
    expect(first.items.map((item) => item.metadata!.name)).toEqual(['a', 'b', 'c']);
    expect(first.metadata!.remainingItemCount).toBe(1);
    const second = await local.core.listPodForAllNamespaces({ limit: 3, _continue: first.metadata!._continue });
    expect(second.items.map((item) => item.metadata!.name)).toEqual(['d']);
    expect(second.metadata!._continue).toBeUndefined();
    expect(second.metadata!.resourceVersion).toBe(first.metadata!.resourceVersion);
  });

  it('replays events after a resourceVersion, with kind on every object', async () => {
    const list = await local.core.listNamespacedPod({ namespace: 'default' });
    await local.core.deleteNamespacedPod({ name: 'c', namespace: 'default' });
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('c', { app: 'db' }) });
    const events = await watchEvents(`${local.server.url}/api/v1/namespaces/default/pods?watch=true&resourceVersion=${list.metadata!.resourceVersion}`, 2);
    expect(events.map((event) => `${event.type} ${event.object.metadata!.name}`)).toEqual(['DELETED c', 'ADDED c']);
    expect(events[0]!.object).toMatchObject({ kind: 'Pod', apiVersion: 'v1' });
    expect(Number(events[1]!.object.metadata!.resourceVersion)).toBeGreaterThan(Number(events[0]!.object.metadata!.resourceVersion));
  });

  it('turns a label change into ADDED or DELETED for a selecting watch', async () => {
    const { metadata } = await local.core.listNamespacedPod({ namespace: 'default' });
    await local.core.patchNamespacedPod({ name: 'b', namespace: 'default', body: [{ op: 'replace', path: '/metadata/labels/app', value: 'db' }] });
    await local.core.patchNamespacedPod({ name: 'b', namespace: 'default', body: [{ op: 'replace', path: '/metadata/labels/app', value: 'web' }] });
    const url = `${local.server.url}/api/v1/namespaces/default/pods?watch=1&labelSelector=app%3Ddb&resourceVersion=${metadata!.resourceVersion}`;
    const events = await watchEvents(url, 2);
    expect(events.map((event) => `${event.type} ${event.object.metadata!.name}`)).toEqual(['ADDED b', 'DELETED b']);
  });

  it('sends a BOOKMARK when asked, and 410 Expired for a version outside the window', async () => {
    const { metadata } = await local.core.listNamespacedPod({ namespace: 'default' });
    const bookmark = await watchEvents(`${local.server.url}/api/v1/pods?watch=true&allowWatchBookmarks=true&resourceVersion=${metadata!.resourceVersion}`, 1);
    expect(bookmark[0]).toEqual({ type: 'BOOKMARK', object: { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: metadata!.resourceVersion } } });
    local.server.hooks.setRetainedWindow(1);
    await local.core.patchNamespacedPod({ name: 'a', namespace: 'default', body: [{ op: 'add', path: '/metadata/annotations', value: { x: '1' } }] });
    await local.core.patchNamespacedPod({ name: 'a', namespace: 'default', body: [{ op: 'add', path: '/metadata/annotations/y', value: '2' }] });
    const expired = await watchEvents(`${local.server.url}/api/v1/pods?watch=true&resourceVersion=${metadata!.resourceVersion}`, 5);
    expect(expired).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({ kind: 'Status', code: 410, reason: 'Expired', message: expect.stringMatching(/^too old resource version: \d+ \(\d+\)$/) }),
      },
    ]);
    local.server.hooks.setRetainedWindow(10_000);
  });

  it('ends a watch after timeoutSeconds', async () => {
    const { metadata } = await local.core.listNamespacedPod({ namespace: 'default' });
    const events = await watchEvents(`${local.server.url}/api/v1/pods?watch=true&timeoutSeconds=1&resourceVersion=${metadata!.resourceVersion}`, 1);
    expect(events).toEqual([]);
  });

  it('keeps an informer in sync across dropped watches and a forced 410, without duplicate ADDED events', async () => {
    const path = '/api/v1/namespaces/default/pods';
    local.server.hooks.clearRequestLog();
    const listFn = () => local.core.listNamespacedPod({ namespace: 'default', labelSelector: 'informer=yes' });
    const informer = makeInformer(local.server.kubeConfig(), path, listFn, 'informer=yes');
    const added: string[] = [];
    const deleted: string[] = [];
    informer.on('add', (object) => added.push(object.metadata!.name!));
    informer.on('delete', (object) => deleted.push(object.metadata!.name!));
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('i1', { informer: 'yes' }) });
    await informer.start();
    await until(() => added.length === 1 && local.server.hooks.openWatches() === 1);

    local.server.hooks.dropAllWatches();
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('i2', { informer: 'yes' }) });
    await until(() => added.length === 2);

    local.server.hooks.expireNextWatch();
    local.server.hooks.dropAllWatches();
    await local.core.deleteNamespacedPod({ name: 'i1', namespace: 'default' });
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('i3', { informer: 'yes' }) });
    await until(() => added.length === 3 && deleted.length === 1);
    await until(() => local.server.hooks.requestLog().filter((entry) => entry.verb === 'watch' && entry.status === 200).length >= 2);
    await informer.stop();

    expect(added).toEqual(['i1', 'i2', 'i3']);
    expect(deleted).toEqual(['i1']);
    expect(informer.list().map((item) => item.metadata!.name).sort()).toEqual(['i2', 'i3']);
    const lists = local.server.hooks.requestLog().filter((entry) => entry.verb === 'list' && entry.path === path);
    expect(lists.length).toBe(2);
  });

  it('lets ListWatch use a field selector', async () => {
    const listFn = () => local.core.listNamespacedPod({ namespace: 'default', fieldSelector: 'metadata.name=a' });
    const cache = new ListWatch('/api/v1/namespaces/default/pods', new Watch(local.server.kubeConfig()), listFn, false, undefined, 'metadata.name=a');
    await cache.start();
    expect(cache.list().map((item) => item.metadata!.name)).toEqual(['a']);
    await cache.stop();
  });
});
