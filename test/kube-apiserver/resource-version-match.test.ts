/**
 * List and watch options as kube-apiserver checks them (apimachinery
 * pkg/apis/meta/internalversion/validation ValidateListOptions / validateWatchOptions → 422 on
 * ListOptions.meta.k8s.io), and a resourceVersion ahead of the store: the watch cache waits for it
 * (waitUntilFreshAndBlock, 3 s) and then answers "Too large resource version" (apiserver
 * storage.NewTooLargeResourceVersionError: 504 Timeout, retryAfterSeconds 1, cause ResourceVersionTooLarge).
 */
import { useLocalServer } from './local-server.js';

interface Answer {
  status: number;
  body: any;
}

describe('local API server: resourceVersionMatch and too large resource versions', () => {
  const local = useLocalServer();
  const get = async (query: string): Promise<Answer> => {
    const response = await fetch(`${local.server.url}/api/v1/namespaces/default/pods?${query}`);
    return { status: response.status, body: await response.json() };
  };
  const current = async () => Number((await get('')).body.metadata.resourceVersion);

  it.each([
    ['resourceVersionMatch=NotOlderThan', 'resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided'],
    ['resourceVersionMatch=Exact&resourceVersion=0', 'resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"'],
    ['resourceVersionMatch=Newest&resourceVersion=1', 'resourceVersionMatch: Unsupported value: "Newest": supported values: "Exact", "NotOlderThan", ""'],
    [
      'resourceVersionMatch=Exact&continue=abc',
      '[resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided, resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided]',
    ],
    ['watch=true&resourceVersionMatch=NotOlderThan&resourceVersion=1', 'resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'],
  ])('refuses %s with 422 on ListOptions', async (query, detail) => {
    const answer = await get(query);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ reason: 'Invalid', code: 422, message: `ListOptions.meta.k8s.io "" is invalid: ${detail}`, details: { group: 'meta.k8s.io', kind: 'ListOptions' } });
  });

  it('lists with NotOlderThan or Exact at a version the store has', async () => {
    const version = await current();
    expect((await get(`resourceVersion=${version}&resourceVersionMatch=NotOlderThan`)).status).toBe(200);
    expect((await get(`resourceVersion=${version}&resourceVersionMatch=Exact`)).status).toBe(200);
  });

  it('answers a list ahead of the store with 504 Too large resource version after the wait', async () => {
    const version = await current();
    const answer = await get(`resourceVersion=${version + 100}&resourceVersionMatch=NotOlderThan`);
    expect(answer).toEqual({
      status: 504,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `Timeout: Too large resource version: ${version + 100}, current: ${version}`,
        reason: 'Timeout',
        details: { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], retryAfterSeconds: 1 },
        code: 504,
      },
    });
  });

  it('serves a list ahead of the store once a write brings the store there within the wait', async () => {
    const version = await current();
    const answer = get(`resourceVersion=${version + 1}`);
    await local.core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'catch-up' }, spec: { containers: [{ name: 'a', image: 'b' }] } } });
    expect((await answer).status).toBe(200);
    expect((await answer).body.items.map((item: any) => item.metadata.name)).toContain('catch-up');
  });

  it('ends a watch ahead of the store with one ERROR event carrying the Too large resource version Status', async () => {
    const version = await current();
    const response = await fetch(`${local.server.url}/api/v1/namespaces/default/pods?watch=true&resourceVersion=${version + 5}`);
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({ code: 504, reason: 'Timeout', message: `Timeout: Too large resource version: ${version + 5}, current: ${version}` }),
      },
    ]);
    expect(lines[0].object.details.causes).toEqual([{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }]);
  });
});
