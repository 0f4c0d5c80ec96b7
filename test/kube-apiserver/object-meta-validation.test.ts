/**
 * ObjectMeta validation as kube-apiserver does it (apimachinery pkg/api/validation/objectmeta.go,
 * pkg/apis/meta/v1/validation ValidateLabels, pkg/util/validation IsQualifiedName/IsValidLabelValue),
 * a resourceVersion on create (the etcd3 store's "resourceVersion should not be set on objects to
 * be created", a 500), and core/v1 Event validation (pkg/apis/core/validation/events.go).
 */
import { useLocalServer } from './local-server.js';

const nameRegex = "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'";
const nameMessage = `must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', ${nameRegex})`;

describe('local API server: ObjectMeta and Event validation', () => {
  const local = useLocalServer();
  const create = async (path: string, body: object) => {
    const response = await fetch(`${local.server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as any };
  };
  const pod = (metadata: object) => create('/api/v1/namespaces/default/pods', { metadata: { name: 'p', ...metadata }, spec: { containers: [{ name: 'a', image: 'b' }] } });

  it('refuses bad label keys and values with the field path metadata.labels', async () => {
    const answer = await pod({ labels: { 'bad key': 'ok', good: 'bad value!', 'Example.com/x': 'v'.repeat(64) } });
    expect(answer.status).toBe(422);
    expect(answer.body.details.causes).toEqual([
      { reason: 'FieldValueInvalid', message: `Invalid value: "bad key": name part ${nameMessage}`, field: 'metadata.labels' },
      {
        reason: 'FieldValueInvalid',
        message:
          "Invalid value: \"bad value!\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        field: 'metadata.labels',
      },
      expect.objectContaining({ message: expect.stringMatching(/^Invalid value: "Example.com\/x": prefix part a lowercase RFC 1123 subdomain/), field: 'metadata.labels' }),
      { reason: 'FieldValueInvalid', message: `Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`, field: 'metadata.labels' },
    ]);
  });

  it('checks annotation keys case-insensitively and their total size', async () => {
    expect((await pod({ annotations: { 'Example.COM/Key': 'fine' } })).status).toBe(201);
    const bad = await pod({ name: 'q', annotations: { 'a/b/c': 'x', big: 'x'.repeat(256 * 1024) } });
    expect(bad.body.details.causes).toEqual([
      expect.objectContaining({ field: 'metadata.annotations', message: expect.stringContaining('Invalid value: "a/b/c": a qualified name must consist of') }),
      { reason: 'FieldValueTooLong', message: 'Too long: may not be more than 262144 bytes', field: 'metadata.annotations' },
    ]);
  });

  it('requires apiVersion, kind, name and uid of every ownerReference, and one controller at most', async () => {
    const answer = await pod({ name: 'owned', ownerReferences: [{ apiVersion: 'apps/', kind: '', name: 'web' }] });
    expect(answer.body.message).toBe(
      'Pod "owned" is invalid: [metadata.ownerReferences.apiVersion: Invalid value: "apps/": version must not be empty, metadata.ownerReferences.kind: Invalid value: "": kind must not be empty, metadata.ownerReferences.uid: Invalid value: "": uid must not be empty]',
    );
    const two = [1, 2].map((n) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-${n}`, uid: `u-${n}`, controller: true }));
    const controllers = await pod({ name: 'owned', ownerReferences: two });
    expect(controllers.body.details.causes[0].message).toContain('Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/rs-1 and ReplicaSet/rs-2');
  });

  it('refuses finalizer names that are not qualified names, and duplicates, also on update', async () => {
    const answer = await pod({ name: 'fin', finalizers: ['example.com/ok', 'not ok', 'example.com/ok'] });
    expect(answer.body.details.causes).toEqual([
      { reason: 'FieldValueInvalid', message: `Invalid value: "not ok": name part ${nameMessage}`, field: 'metadata.finalizers' },
      { reason: 'FieldValueDuplicate', message: 'Duplicate value: "example.com/ok"', field: 'metadata.finalizers' },
    ]);
    await local.core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'fin' }, spec: { containers: [{ name: 'a', image: 'b' }] } } });
    const patched = await local.core.patchNamespacedPod({ namespace: 'default', name: 'fin', body: [{ op: 'add', path: '/metadata/finalizers', value: ['/x'] }] }).catch((error) => error);
    expect(patched.code).toBe(422);
    expect(JSON.parse(patched.body).message).toBe('Pod "fin" is invalid: metadata.finalizers: Invalid value: "/x": prefix part must be non-empty');
  });

  it('answers a create carrying a resourceVersion with the store error (500)', async () => {
    const answer = await pod({ name: 'versioned', resourceVersion: '42' });
    expect(answer).toEqual({
      status: 500,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Internal error occurred: resourceVersion should not be set on objects to be created',
        reason: 'InternalError',
        details: { causes: [{ message: 'resourceVersion should not be set on objects to be created' }] },
        code: 500,
      },
    });
  });

  it('validates core/v1 Events: the involved namespace must match, and an Event with eventTime needs its reporting fields', async () => {
    const event = (fields: object) => ({ metadata: { name: `e${Math.random().toString(16).slice(2, 8)}` }, involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' }, ...fields });
    expect((await create('/api/v1/namespaces/default/events', event({ reason: 'Started' }))).status).toBe(201);
    const elsewhere = await create('/api/v1/namespaces/default/events', event({ involvedObject: { kind: 'Pod', name: 'p', namespace: 'kube-system' } }));
    expect(elsewhere.body.details.causes).toEqual([{ reason: 'FieldValueInvalid', message: 'Invalid value: "kube-system": does not match event.namespace', field: 'involvedObject.namespace' }]);
    const recent = await create('/api/v1/namespaces/default/events', event({ eventTime: '2026-01-01T00:00:00.000000Z', reportingComponent: 'podeip', reason: 'x'.repeat(129) }));
    expect(recent.body.details.causes).toEqual([
      { reason: 'FieldValueRequired', message: 'Required value', field: 'reportingInstance' },
      { reason: 'FieldValueRequired', message: 'Required value', field: 'action' },
      { reason: 'FieldValueInvalid', message: 'Invalid value: "": can have at most 128 characters', field: 'reason' },
    ]);
  });
});
