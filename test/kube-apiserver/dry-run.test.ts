/**
 * Kubernetes API concepts, "Dry-run": with `dryRun=All` (query) or a DeleteOptions body's
 * `dryRun: ["All"]` the request is processed in full but never persisted; any other value is refused
 * by apimachinery's ValidateDryRun (`Unsupported value`, 422 on the options kind).
 */
import { useLocalServer } from './local-server.js';

const pod = (name: string) => ({ metadata: { name, labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } });

async function request(url: string, method: string, body?: unknown, contentType = 'application/json') {
  const response = await fetch(url, { method, headers: { 'Content-Type': contentType }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

describe('local API server: dryRun never persists', () => {
  const local = useLocalServer();
  const pods = () => `${local.server.url}/api/v1/namespaces/default/pods`;
  const versionNow = async () => (await local.core.listNamespacedPod({ namespace: 'default' })).metadata!.resourceVersion;

  it('answers a dry-run create with the object it would create, without a resourceVersion, and stores nothing', async () => {
    const before = await versionNow();
    const created = await request(`${pods()}?dryRun=All`, 'POST', pod('dry'));
    expect(created.status).toBe(201);
    expect(created.body.metadata).toMatchObject({ name: 'dry', namespace: 'default', uid: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(created.body.metadata.resourceVersion).toBeUndefined();
    expect(created.body.status.phase).toBe('Pending');
    expect((await request(`${pods()}/dry`, 'GET')).status).toBe(404);
    expect(await versionNow()).toBe(before);
  });

  it('answers a dry-run update and patch with the changed object and keeps the stored one', async () => {
    const stored = await local.core.createNamespacedPod({ namespace: 'default', body: pod('kept') });
    const version = stored.metadata!.resourceVersion;
    const relabelled = { ...stored, metadata: { ...stored.metadata, labels: { app: 'db' } } };
    const updated = await request(`${pods()}/kept?dryRun=All`, 'PUT', relabelled);
    expect(updated.status).toBe(200);
    expect(updated.body.metadata).toMatchObject({ labels: { app: 'db' }, resourceVersion: version });
    const patched = await request(`${pods()}/kept?dryRun=All`, 'PATCH', { metadata: { labels: { tier: 'x' } } }, 'application/merge-patch+json');
    expect(patched.body.metadata.labels).toEqual({ app: 'web', tier: 'x' });
    const read = await local.core.readNamespacedPod({ namespace: 'default', name: 'kept' });
    expect(read.metadata!.labels).toEqual({ app: 'web' });
    expect(read.metadata!.resourceVersion).toBe(version);
  });

  it('keeps the object on a dry-run delete, whether dryRun comes in the query or the DeleteOptions body', async () => {
    await local.core.createNamespacedPod({ namespace: 'default', body: pod('survivor') });
    const byBody = await request(`${pods()}/survivor`, 'DELETE', { kind: 'DeleteOptions', apiVersion: 'v1', dryRun: ['All'] });
    expect(byBody.status).toBe(200);
    const byQuery = await request(`${pods()}/survivor?dryRun=All`, 'DELETE');
    expect(byQuery.status).toBe(200);
    const collection = await request(`${pods()}?dryRun=All`, 'DELETE');
    expect(collection.body.items.map((item: { metadata: { name: string } }) => item.metadata.name)).toContain('survivor');
    expect((await local.core.readNamespacedPod({ namespace: 'default', name: 'survivor' })).metadata!.deletionTimestamp).toBeUndefined();
  });

  it('refuses a dryRun value other than All with 422 on the options kind', async () => {
    const created = await request(`${pods()}?dryRun=Some`, 'POST', pod('never'));
    expect(created.status).toBe(422);
    expect(created.body).toMatchObject({
      reason: 'Invalid',
      message: 'CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Some"}: supported values: "All"',
      details: { group: 'meta.k8s.io', kind: 'CreateOptions', causes: [{ reason: 'FieldValueNotSupported', field: 'dryRun' }] },
    });
    const deleted = await request(`${pods()}/never`, 'DELETE', { dryRun: ['Yes'] });
    expect(deleted.body.message).toBe('DeleteOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Yes"}: supported values: "All"');
    expect((await request(`${pods()}/never`, 'GET')).status).toBe(404);
  });
});
