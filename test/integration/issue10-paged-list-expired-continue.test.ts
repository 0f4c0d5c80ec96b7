/**
 * Issue 10, item 1: a paged list whose continue token has expired (410) starts again from its first
 * page, and the pages already delivered are dropped, as client-go's pager does for a consistent list.
 */
import { listInPages } from '../../src/k8s/paged-list.js';
import { useLocalServer } from '../kube-apiserver/local-server.js';

const local = useLocalServer();

test('a 410 on a continued page restarts the list; every pod is delivered once', async () => {
  for (const name of ['a', 'b', 'c', 'd', 'e']) {
    await local.core.createNamespacedPod({ namespace: 'default', body: { metadata: { name }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } });
  }
  const happened: string[] = [];
  let delivered: string[] = [];
  let expireNext = true;
  const names = (items: unknown[]) => items.map((item) => (item as { metadata: { name: string } }).metadata.name);
  const resourceVersion = await listInPages(
    local.server.kubeConfig(),
    '/api/v1/pods',
    {
      add: (items) => {
        happened.push(`page ${names(items).join(',')}`);
        delivered.push(...names(items));
        // The next request is the first continued one: its token has expired by then.
        if (expireNext) local.server.hooks.injectFault({ method: 'GET', pathPattern: /^\/api\/v1\/pods$/, status: 410, times: 1 });
        expireNext = false;
      },
      restart: () => {
        happened.push('restart');
        delivered = [];
      },
    },
    2,
  );
  expect(happened).toEqual(['page a,b', 'restart', 'page a,b', 'page c,d', 'page e']);
  expect(delivered).toEqual(['a', 'b', 'c', 'd', 'e']);
  expect(Number(resourceVersion)).toBeGreaterThan(0);
});

test('a failed first page is an error for the caller, with its HTTP status', async () => {
  local.server.hooks.injectFault({ method: 'GET', pathPattern: /^\/api\/v1\/pods$/, status: 410, times: 1 });
  const sink = { add: () => undefined, restart: () => undefined };
  await expect(listInPages(local.server.kubeConfig(), '/api/v1/pods', sink, 2)).rejects.toMatchObject({ code: 410 });
});
