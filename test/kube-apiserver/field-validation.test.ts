import { useLocalServer } from './local-server.js';
import { createWidgetCrd } from './widget-crd.js';

const widgets = '/apis/example.com/v1/namespaces/default/widgets';
const pods = '/api/v1/namespaces/default/pods';

function widget(name: string, spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) {
  return { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name, ...metadata }, spec };
}

function pod(name: string, extra: Record<string, unknown> = {}) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'app', image: 'nginx' }] }, ...extra };
}

function badRequest(message: string) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 };
}

describe('fieldValidation on writes', () => {
  const local = useLocalServer();
  beforeAll(() => createWidgetCrd(local.server));

  async function send(method: string, path: string, body: unknown, contentType = 'application/json') {
    const response = await fetch(`${local.server.url}${path}`, { method, headers: { 'Content-Type': contentType }, body: JSON.stringify(body) });
    return { status: response.status, warning: response.headers.get('warning'), body: (await response.json()) as Record<string, any> };
  }
  const stored = async (path: string) => (await (await fetch(`${local.server.url}${path}`)).json()) as Record<string, any>;

  it('Strict rejects a custom resource with the fields its schema would prune, metadata included, and stores nothing', async () => {
    const sent = widget('strict', { size: 1, foo: 1, bar: { baz: true } }, { zz: 'x' });
    expect(await send('POST', `${widgets}?fieldValidation=Strict`, sent)).toEqual({
      status: 400,
      warning: null,
      body: badRequest(
        'Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "metadata.zz", unknown field "spec.bar", unknown field "spec.foo"',
      ),
    });
    expect((await fetch(`${local.server.url}${widgets}/strict`)).status).toBe(404);
  });

  it('Warn writes the object without those fields and sends one Warning header per field', async () => {
    const created = await send('POST', `${widgets}?fieldValidation=Warn`, widget('warned', { size: 1, foo: 1, extra: { kept: 1 } }));
    expect([created.status, created.warning]).toEqual([201, '299 - "unknown field \\"spec.foo\\""']);
    expect((await stored(`${widgets}/warned`)).spec).toEqual({ size: 1, extra: { kept: 1 } });
  });

  it('Ignore drops them silently', async () => {
    const created = await send('POST', `${widgets}?fieldValidation=Ignore`, widget('ignored', { size: 1, foo: 1 }));
    expect([created.status, created.warning, created.body.spec]).toEqual([201, null, { size: 1 }]);
  });

  it('warns when the directive is absent (the server default), checking built-in types at the top level and in metadata', async () => {
    const created = await send('POST', pods, { ...pod('plain', { bogus: 1 }), metadata: { name: 'plain', zz: 'x' } });
    expect([created.status, created.warning]).toEqual([201, '299 - "unknown field \\"bogus\\"", 299 - "unknown field \\"metadata.zz\\""']);
    const saved = await stored(`${pods}/plain`);
    expect([saved.bogus, saved.metadata.zz, saved.spec.containers]).toEqual([undefined, undefined, [expect.objectContaining({ name: 'app', image: 'nginx' })]]);
  });

  it('accepts every declared top-level field of both Event versions under Strict', async () => {
    const regarding = { kind: 'Pod', namespace: 'default', name: 'plain', apiVersion: 'v1' };
    const eventsV1 = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'plain.1' },
      eventTime: '2026-01-01T00:00:00.000000Z',
      regarding,
      reason: 'Tested',
      note: 'a note',
      type: 'Normal',
      action: 'Test',
      reportingController: 'podeip.io/test',
      reportingInstance: 'test-0',
    };
    const created = await send('POST', `/apis/events.k8s.io/v1/namespaces/default/events?fieldValidation=Strict`, eventsV1);
    expect([created.status, created.warning]).toEqual([201, null]);
    const core = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'plain.2' }, involvedObject: regarding, reason: 'Tested', message: 'm', source: { component: 'test' }, count: 1 };
    expect((await send('POST', `/api/v1/namespaces/default/events?fieldValidation=Strict`, core)).status).toBe(201);
    expect((await send('POST', `/apis/events.k8s.io/v1/namespaces/default/events?fieldValidation=Strict`, { ...eventsV1, message: 'core name' })).body).toEqual(
      badRequest('Event in version "v1" cannot be handled as a Event: strict decoding error: unknown field "message"'),
    );
  });

  it('rejects an update (PUT) under Strict with the decoding message', async () => {
    const current = await stored(`${pods}/plain`);
    const updated = await send('PUT', `${pods}/plain?fieldValidation=Strict`, { ...current, bogus: 2 });
    expect(updated.body).toEqual(badRequest('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "bogus"'));
  });

  it('checks the result of a patch: Strict says only what failed to decode, Warn drops the field', async () => {
    const merge = await send('PATCH', `${widgets}/warned?fieldValidation=Strict`, { spec: { foo: 2, size: 3 } }, 'application/merge-patch+json');
    expect(merge.body).toEqual(badRequest('strict decoding error: unknown field "spec.foo"'));
    expect((await stored(`${widgets}/warned`)).spec.size).toBe(1);
    const strategic = await send('PATCH', `${pods}/plain?fieldValidation=Warn`, { metadata: { zz: 'y', labels: { a: 'b' } } }, 'application/strategic-merge-patch+json');
    expect([strategic.status, strategic.warning, strategic.body.metadata.labels, strategic.body.metadata.zz]).toEqual([
      200,
      '299 - "unknown field \\"metadata.zz\\""',
      { a: 'b' },
      undefined,
    ]);
  });

  it('rejects an unsupported directive as invalid request options (422), as kube-apiserver does', async () => {
    const response = await send('PATCH', `${pods}/plain?fieldValidation=strict`, { metadata: { labels: { c: 'd' } } }, 'application/merge-patch+json');
    const message = 'Unsupported value: "strict": supported values: "", "Ignore", "Strict", "Warn"';
    expect(response).toEqual({
      status: 422,
      warning: null,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `PatchOptions.meta.k8s.io "" is invalid: fieldValidation: ${message}`,
        reason: 'Invalid',
        details: { group: 'meta.k8s.io', kind: 'PatchOptions', causes: [{ reason: 'FieldValueNotSupported', message, field: 'fieldValidation' }] },
        code: 422,
      },
    });
    expect((await send('POST', `${pods}?fieldValidation=warn`, pod('lower'))).body.message).toBe(
      `CreateOptions.meta.k8s.io "" is invalid: fieldValidation: ${message.replace('"strict"', '"warn"')}`,
    );
  });
});
