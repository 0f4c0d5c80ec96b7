import { makeInformer, type V1Pod } from '@kubernetes/client-node';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startKubeApiServer, type KubeApiServer } from '../../hack/kube-apiserver/index.js';
import { useLocalServer } from './local-server.js';

const POD_COUNT = 10_000;
const BATCH = 200;

const pod = (index: number): V1Pod => ({
  metadata: { name: `pod-${String(index).padStart(5, '0')}`, labels: { shard: String(index % 4) } },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
});

/** node:http with keep-alive: the lightest real HTTP client, so the time goes to the local.server. */
const agent = new Agent({ keepAlive: true, maxSockets: 32 });

function createPod(target: KubeApiServer, index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(pod(index));
    const headers = { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: 'Bearer admin' };
    const call = request(`${target.url}/api/v1/namespaces/default/pods`, { method: 'POST', agent, headers }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 201 ? resolve() : reject(new Error(`create failed: ${response.statusCode}`))));
    });
    call.on('error', reject);
    call.end(body);
  });
}

describe('local API server at 10,000 pods', () => {
  const local = useLocalServer();

  afterAll(async () => {
    agent.destroy();
  });

  it('starts in a couple of seconds at most, even on a loaded machine', async () => {
    const started = performance.now();
    const another = await startKubeApiServer();
    const elapsed = performance.now() - started;
    await another.close();
    expect(elapsed).toBeLessThan(2_000);
  });

  it('creates 10,000 pods over HTTP, pages through them, and an informer sees every one', async () => {
    for (let first = 0; first < POD_COUNT; first += BATCH) {
      await Promise.all(Array.from({ length: BATCH }, (_, offset) => createPod(local.server, first + offset)));
    }
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await local.core.listNamespacedPod({ namespace: 'default', limit: 3000, _continue: token });
      names.push(...page.items.map((item) => item.metadata!.name!));
      token = page.metadata!._continue;
    } while (token);
    expect(names).toHaveLength(POD_COUNT);
    expect(names[0]).toBe('pod-00000');
    expect(names[POD_COUNT - 1]).toBe('pod-09999');
    expect(new Set(names).size).toBe(POD_COUNT);

    const informer = makeInformer(local.server.kubeConfig(), '/api/v1/namespaces/default/pods', () => local.core.listNamespacedPod({ namespace: 'default', labelSelector: 'shard=1' }), 'shard=1');
    let updates = 0;
    const sawUpdate = new Promise<void>((resolve) =>
      informer.on('update', () => {
        updates++;
        resolve();
      }),
    );
    await informer.start();
    expect(informer.list()).toHaveLength(POD_COUNT / 4);
    await local.core.patchNamespacedPod({ name: 'pod-00001', namespace: 'default', body: [{ op: 'add', path: '/metadata/annotations', value: { seen: 'yes' } }] });
    await sawUpdate;
    await informer.stop();
    expect(updates).toBe(1);
    expect(informer.get('pod-00001', 'default')!.metadata!.annotations).toEqual({ seen: 'yes' });
  }, 90_000);
});
