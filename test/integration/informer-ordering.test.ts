/**
 * podeip writes its own claim status and pod annotations through to its caches. A watch event older
 * than what the cache holds (the stream lagging behind podeip's own write) must not bring the old
 * state back, or the next reconcile acts on a claim without the address it just recorded.
 */
import type { V1Pod } from '@kubernetes/client-node';
import pino from 'pino';
import { Informer } from '../../src/k8s/informer.js';
import { useLocalServer } from '../kube-apiserver/local-server.js';
import { eventually } from './harness.js';

const local = useLocalServer();

function podInformer(onChange: (key: string) => void): Informer<V1Pod> {
  return new Informer<V1Pod>(
    local.server.kubeConfig(),
    {
      watchPath: '/api/v1/pods',
      list: async () => {
        const list = await local.core.listPodForAllNamespaces();
        return { items: list.items, resourceVersion: list.metadata!.resourceVersion! };
      },
      transform: (raw) => raw as V1Pod,
      keyOf: (pod) => `${pod.metadata!.namespace}/${pod.metadata!.name}`,
      resourceVersionOf: (pod) => pod.metadata!.resourceVersion!,
    },
    { logger: pino({ level: 'silent' }), onChange, retryDelayMs: 10 },
  );
}

/** Drops the informer's watch; its re-open reaches the server 2 s later (ample for the writes a test makes meanwhile), replaying everything since. */
async function reopenWatchLate(): Promise<void> {
  await eventually('watch open', () => local.server.hooks.openWatches() === 1);
  local.server.hooks.injectFault({ method: 'GET', pathPattern: /^\/api\/v1\/pods$/, latencyMs: 2_000, times: 1 });
  local.server.hooks.dropAllWatches();
}

const label = (value: string) => ({ namespace: 'default', name: 'web', body: [{ op: 'add', path: '/metadata/labels/step', value }] });

test('a watch event older than a written-through object is ignored; the event of that write is applied', async () => {
  await local.core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'web', labels: { step: '0' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } });
  const seen: string[] = [];
  const informer = podInformer((key) => seen.push(informer.get(key)?.metadata?.resourceVersion ?? 'gone'));
  try {
    await informer.start();
    // The re-opened watch replays from before both patches, after podeip has observed the second.
    await reopenWatchLate();
    const first = await local.core.patchNamespacedPod(label('1'));
    const second = await local.core.patchNamespacedPod(label('2'));
    informer.observe(second);
    seen.length = 0;
    await eventually('the second write delivered', () => seen.includes(second.metadata!.resourceVersion!));
    expect(first.metadata!.resourceVersion).not.toBe(second.metadata!.resourceVersion);
    expect(seen).toEqual([second.metadata!.resourceVersion]);
    expect(informer.get('default/web')?.metadata?.labels).toEqual({ step: '2' });
  } finally {
    informer.stop();
  }
});

test('a DELETED event of a predecessor does not remove its same-name successor observed first', async () => {
  const seen: string[] = [];
  const informer = podInformer((key) => seen.push(informer.get(key)?.metadata?.uid ?? 'gone'));
  try {
    await informer.start();
    await reopenWatchLate();
    await local.core.deleteNamespacedPod({ namespace: 'default', name: 'web', gracePeriodSeconds: 0 });
    const successor = await local.core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'web' }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } });
    informer.observe(successor);
    seen.length = 0;
    await eventually('the successor delivered', () => seen.includes(successor.metadata!.uid!));
    expect(seen).toEqual([successor.metadata!.uid]);
    expect(informer.get('default/web')?.metadata?.uid).toBe(successor.metadata!.uid);
  } finally {
    informer.stop();
  }
});
