import { useLocalServer } from './local-server.js';
import { Kubectl } from './kubectl-runner.js';
import { createWidgetCrd } from './widget-crd.js';

const podYaml = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
`;

const widgetYaml = (name: string, specLines: string) => `apiVersion: example.com/v1
kind: Widget
metadata:
  name: ${name}
spec:
${specLines}`;

describe('kubectl validates on the server through OpenAPI v3 (no --validate=false needed)', () => {
  const local = useLocalServer();
  let kubectl: Kubectl;

  beforeAll(async () => {
    kubectl = await Kubectl.for(local.server);
    await createWidgetCrd(local.server);
  });
  afterAll(() => kubectl.cleanUp());

  /** The query of the latest create or patch kubectl sent for a resource. */
  const lastWriteQuery = (resource: string) =>
    local.server.hooks
      .requestLog()
      .filter((entry) => ['create', 'patch'].includes(entry.verb) && entry.resource === resource)
      .at(-1)?.query;
  const storedWidgetSpec = async (name: string) =>
    ((await local.custom.getNamespacedCustomObject({ group: 'example.com', version: 'v1', namespace: 'default', plural: 'widgets', name })) as { spec: unknown }).spec;

  it('applies a pod with fieldValidation=Strict, as the Pod patch operation declares the parameter', async () => {
    expect(await kubectl.run('apply', '-f', await kubectl.writeManifest('web.yaml', podYaml))).toEqual({ code: 0, stdout: 'pod/web created\n', stderr: '' });
    expect(lastWriteQuery('pods')).toBe('fieldManager=kubectl-client-side-apply&fieldValidation=Strict');
  });

  it('applies a custom resource with fieldValidation=Strict, after finding its patch operation in its group/version document', async () => {
    local.server.hooks.clearRequestLog();
    const path = await kubectl.writeManifest('small.yaml', widgetYaml('small', '  size: 2\n'));
    expect(await kubectl.run('apply', '-f', path)).toEqual({ code: 0, stdout: 'widget.example.com/small created\n', stderr: '' });
    expect(lastWriteQuery('widgets')).toBe('fieldManager=kubectl-client-side-apply&fieldValidation=Strict');
    const reads = local.server.hooks.requestLog().map((entry) => `${entry.verb} ${entry.path}`);
    expect(reads).toEqual(expect.arrayContaining(['get /openapi/v3', 'get /openapi/v3/apis/example.com/v1']));
  });

  it('fails to create a custom resource with an unknown field, with exit code 1 and the server message', async () => {
    const path = await kubectl.writeManifest('odd.yaml', widgetYaml('odd', '  size: 2\n  foo: 1\n'));
    expect(await kubectl.run('apply', '-f', path)).toEqual({
      code: 1,
      stdout: '',
      stderr: `Error from server (BadRequest): error when creating "${path}": Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.foo"\n`,
    });
    expect((await kubectl.run('get', 'widget', 'odd')).code).toBe(1);
  });

  it('with --validate=warn prints the warning and writes the object without the field', async () => {
    const path = await kubectl.writeManifest('odd.yaml', widgetYaml('odd', '  size: 2\n  foo: 1\n'));
    expect(await kubectl.run('apply', '--validate=warn', '-f', path)).toEqual({
      code: 0,
      stdout: 'widget.example.com/odd created\n',
      stderr: 'Warning: unknown field "spec.foo"\n',
    });
    expect(await storedWidgetSpec('odd')).toEqual({ size: 2 });
  });

  it('fails to re-apply it strictly: the patch kubectl computes puts the field back', async () => {
    const path = await kubectl.writeManifest('odd.yaml', widgetYaml('odd', '  size: 2\n  foo: 1\n'));
    expect(await kubectl.run('apply', '-f', path)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'Error from server (BadRequest): error when applying patch:\n{"spec":{"foo":1}}\nto:\n' +
        'Resource: "example.com/v1, Resource=widgets", GroupVersionKind: "example.com/v1, Kind=Widget"\nName: "odd", Namespace: "default"\n' +
        `for: "${path}": error when patching "${path}": strict decoding error: unknown field "spec.foo"\n`,
    });
  });

  it('with --validate=false still creates it, dropping the field without a word', async () => {
    const path = await kubectl.writeManifest('quiet.yaml', widgetYaml('quiet', '  size: 3\n  foo: 1\n'));
    expect(await kubectl.run('create', '--validate=false', '-f', path)).toEqual({ code: 0, stdout: 'widget.example.com/quiet created\n', stderr: '' });
    expect(lastWriteQuery('widgets')).toBe('fieldManager=kubectl-create&fieldValidation=Ignore');
    expect(await storedWidgetSpec('quiet')).toEqual({ size: 3 });
  });
});
