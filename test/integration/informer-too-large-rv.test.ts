/**
 * Issue 9, item 3: after the API server's storage goes back in time (an etcd restore from backup), the
 * informer's resourceVersion is ahead of the store and its watch ends with "Too large resource
 * version" (504 Timeout, cause ResourceVersionTooLarge). As client-go's reflector does, the informer
 * relists at once instead of re-watching from a version the server cannot serve, and without waiting
 * for its watchdog (10 minutes here); and as the restored store is older than what it cached, the
 * relist replaces the cache rather than keeping objects that no longer exist.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import pino from 'pino';
import { Informer } from '../../src/k8s/informer.js';
import { useLocalServer } from '../kube-apiserver/local-server.js';
import { eventually } from './harness.js';

const local = useLocalServer();
const pod = (name: string) => ({ metadata: { name }, spec: { containers: [{ name: 'app', image: 'nginx' }] } });

test('an informer whose resourceVersion is ahead of a restored store relists at once and sees the restored state', async () => {
  const informer = new Informer<KubernetesObject>(
    local.server.kubeConfig(),
    {
      watchPath: '/api/v1/pods',
      list: async () => {
        const list = await local.core.listPodForAllNamespaces();
        return { items: list.items, resourceVersion: list.metadata!.resourceVersion! };
      },
      transform: (raw) => raw as KubernetesObject,
      keyOf: (object) => `${object.metadata!.namespace}/${object.metadata!.name}`,
      resourceVersionOf: (object) => object.metadata!.resourceVersion!,
    },
    { logger: pino({ level: 'silent' }), retryDelayMs: 10, relistIntervalMs: 600_000, quietLimitMs: 600_000, onChange: () => undefined },
  );
  const backup = local.server.hooks.snapshotStore();
  try {
    await informer.start();
    for (const name of ['lost-1', 'lost-2', 'lost-3']) await local.core.createNamespacedPod({ namespace: 'default', body: pod(name) });
    await eventually('the informer saw the pods created after the backup', () => informer.get('default/lost-3'));
    local.server.hooks.restoreStore(backup);
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('restored') });
    // The server waits 3 s for the version before it answers; the watchdog would take 10 minutes.
    await eventually('the informer relisted the restored state', () => informer.get('default/restored'), 15_000);
    // The pods created after the backup no longer exist: the relist of an older store replaces the cache.
    expect(['lost-1', 'lost-2', 'lost-3'].map((name) => informer.get(`default/${name}`))).toEqual([undefined, undefined, undefined]);
  } finally {
    informer.stop();
  }
});
