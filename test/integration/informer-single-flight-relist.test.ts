/**
 * Issue 14, item 9: the informer's relists (periodic, watchdog, 410 Gone) are single-flight, a relist
 * never replaces an object the cache holds at a newer resourceVersion (podeip's own writes are
 * observed first), and after an API outage exactly one watch per resource is open.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import pino from 'pino';
import { Informer, type InformerOptions } from '../../src/k8s/informer.js';
import { useLocalServer } from '../kube-apiserver/local-server.js';
import { eventually } from './harness.js';

const local = useLocalServer();

type Tuning = Pick<InformerOptions, 'relistIntervalMs' | 'quietLimitMs'>;

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** The keys and resourceVersions an informer reported, as `namespace/name@version` (`@gone` when removed). */
function informerOver(resource: 'pods' | 'nodes', list: () => Promise<{ items: KubernetesObject[]; resourceVersion: string }>, tuning: Tuning) {
  const seen: string[] = [];
  const informer: Informer<KubernetesObject> = new Informer<KubernetesObject>(
    local.server.kubeConfig(),
    {
      watchPath: `/api/v1/${resource}`,
      list,
      transform: (raw) => raw as KubernetesObject,
      keyOf: (object) => [object.metadata!.namespace, object.metadata!.name].filter(Boolean).join('/'),
      resourceVersionOf: (object) => object.metadata!.resourceVersion!,
    },
    { logger: pino({ level: 'silent' }), retryDelayMs: 10, ...tuning, onChange: (key) => seen.push(`${key}@${informer.get(key)?.metadata?.resourceVersion ?? 'gone'}`) },
  );
  return { informer, seen };
}

async function listPods() {
  const list = await local.core.listPodForAllNamespaces();
  return { items: list.items, resourceVersion: list.metadata!.resourceVersion! };
}

async function listNodes() {
  const list = await local.core.listNode();
  return { items: list.items, resourceVersion: list.metadata!.resourceVersion! };
}

const pod = (name: string) => ({ metadata: { name, labels: { step: '0' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } });

afterEach(async () => {
  local.server.hooks.clearFaults();
  await local.core.deleteCollectionNamespacedPod({ namespace: 'default', gracePeriodSeconds: 0 });
});

test('relists never overlap: periodic relists and watchdog rebuilds wait for the running list', async () => {
  let inFlight = 0;
  let maxInFlight = 0;
  let lists = 0;
  const { informer } = informerOver(
    'pods',
    async () => {
      lists++;
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      try {
        return await listPods();
      } finally {
        inFlight--;
      }
    },
    { relistIntervalMs: 30, quietLimitMs: 30 },
  );
  try {
    await informer.start();
    // Every list (and watch) now takes longer than the relist and watchdog periods.
    local.server.hooks.injectFault({ method: 'GET', pathPattern: /^\/api\/v1\/pods$/, latencyMs: 150 });
    await eventually('several relists after start', () => lists >= 6);
    expect(maxInFlight).toBe(1);
  } finally {
    informer.stop();
  }
});

test('a relist keeps an object the cache holds at a newer version, and one created after the list', async () => {
  await local.core.createNamespacedPod({ namespace: 'default', body: pod('web') });
  let holdNextList = false;
  const listed = deferred();
  const release = deferred();
  const { informer, seen } = informerOver(
    'pods',
    async () => {
      const result = await listPods();
      if (holdNextList) {
        holdNextList = false;
        listed.resolve();
        await release.promise;
      }
      return result;
    },
    { relistIntervalMs: 50 },
  );
  try {
    await informer.start();
    holdNextList = true;
    await listed.promise;
    // podeip writes after the relist's snapshot was taken and observes its own writes.
    const patched = await local.core.patchNamespacedPod({ namespace: 'default', name: 'web', body: [{ op: 'replace', path: '/metadata/labels/step', value: '1' }] });
    const created = await local.core.createNamespacedPod({ namespace: 'default', body: pod('late') });
    informer.observe(patched);
    informer.observe(created);
    seen.length = 0;
    release.resolve();
    const expected = [`default/web@${patched.metadata!.resourceVersion}`, `default/late@${created.metadata!.resourceVersion}`];
    await eventually('the writes delivered by the watch', () => expected.every((entry) => seen.includes(entry)));
    expect(seen).toEqual(expected);
    expect(informer.get('default/web')?.metadata?.labels).toEqual({ step: '1' });
  } finally {
    informer.stop();
  }
});

test('after an API outage exactly one watch per resource is open, and none after stop()', async () => {
  const tuning = { relistIntervalMs: 120, quietLimitMs: 60 };
  const pods = informerOver('pods', listPods, tuning);
  const nodes = informerOver('nodes', listNodes, tuning);
  const watchCounts = () => [local.server.hooks.openWatchesOf('/pods'), local.server.hooks.openWatchesOf('/nodes')];
  try {
    await Promise.all([pods.informer.start(), nodes.informer.start()]);
    await eventually('one watch each', () => watchCounts().join() === '1,1');
    local.server.hooks.clearRequestLog();
    local.server.hooks.injectFault({ method: 'GET', pathPattern: /^\/api\/v1\/(pods|nodes)$/, status: 503 });
    local.server.hooks.dropAllWatches();
    const failedLists = (path: string) => local.server.hooks.requestLog().filter((entry) => entry.verb === 'list' && entry.path === path && entry.status === 503).length;
    // Several relist triggers (watchdog, periodic) and watch re-opens fire while the server refuses.
    await eventually('relists failing during the outage', () => failedLists('/api/v1/pods') >= 6 && failedLists('/api/v1/nodes') >= 6);
    local.server.hooks.clearFaults();
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('after-outage') });
    await eventually('the informer caught up', () => pods.informer.get('default/after-outage'));
    await eventually('exactly one watch per resource', () => watchCounts().join() === '1,1');
  } finally {
    pods.informer.stop();
    nodes.informer.stop();
  }
  await eventually('no watch left open after stop()', () => watchCounts().join() === '0,0');
});
