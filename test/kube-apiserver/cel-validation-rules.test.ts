/**
 * CRD validation rules (Kubernetes docs, "Extend the Kubernetes API with CustomResourceDefinitions" →
 * "Validation rules"): x-kubernetes-validations are CEL expressions over `self` (and `oldSelf` for
 * transition rules); a broken rule refuses the write with 422 `<path>: Invalid value: "<type>":
 * <message>`. Checked with podeip's own EIPPool CRD and the real kubectl.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { Kubectl } from './kubectl-runner.js';
import { useLocalServer } from './local-server.js';

const pool = (name: string, spec: string) => `apiVersion: podeip.io/v1alpha1
kind: EIPPool
metadata:
  name: ${name}
spec:
${spec}`;

describe('local API server: CEL validation rules of CRDs', () => {
  const local = useLocalServer();
  let kubectl: Kubectl;

  beforeAll(async () => {
    kubectl = await Kubectl.for(local.server);
    const crd = parse(await readFile('crds/podeip.io_eippools.yaml', 'utf8'));
    await fetch(`${local.server.url}/apis/apiextensions.k8s.io/v1/customresourcedefinitions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(crd) });
  });
  afterAll(() => kubectl.cleanUp());

  const apply = async (name: string, spec: string) => kubectl.run('apply', '-f', await kubectl.writeManifest(`${name}.yaml`, pool(name, spec)));

  it.each([
    ['min-over-max', '  namespaceSelector: {}\n  allocation:\n    minAvailable: 5\n    maxSize: 3\n', 'spec.allocation: Invalid value: "object": minAvailable must not exceed maxSize'],
    ['short-idle', '  namespaceSelector: {}\n  allocation:\n    releaseIdleAfter: 1m\n', 'spec.allocation.releaseIdleAfter: Invalid value: "string": releaseIdleAfter must be at least 5m'],
    [
      'bad-selector',
      '  namespaceSelector:\n    matchExpressions:\n    - key: team\n      operator: In\n',
      'spec.namespaceSelector.matchExpressions[0]: Invalid value: "object": values must be non-empty with In and NotIn, and empty with Exists and DoesNotExist',
    ],
  ])('refuses the invalid EIPPool %s with the rule message', async (name, spec, detail) => {
    const result = await apply(name, spec);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`The EIPPool "${name}" is invalid: ${detail}`);
    const stored = await fetch(`${local.server.url}/apis/podeip.io/v1alpha1/eippools/${name}`);
    expect(stored.status).toBe(404);
  });

  it('refuses an EIPPool whose name is longer than 63 characters, the tag value its owned addresses carry', async () => {
    const name = 'p'.repeat(64);
    const result = await apply(name, '  namespaceSelector: {}\n');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`The EIPPool "${name}" is invalid: <nil>: Invalid value: "object": an EIPPool's name is at most 63 characters (it is each owned address's podeip.io/pool tag value)`);
    expect(await apply('p'.repeat(63), '  namespaceSelector: {}\n')).toMatchObject({ code: 0 });
  });

  it('accepts a valid EIPPool and refuses an update that breaks a rule', async () => {
    const valid = '  namespaceSelector:\n    matchExpressions:\n    - key: team\n      operator: Exists\n  allocation:\n    minAvailable: 1\n    maxSize: 3\n    releaseIdleAfter: 1h\n';
    expect(await apply('good', valid)).toMatchObject({ code: 0, stdout: 'eippool.podeip.io/good created\n' });
    const broken = await kubectl.run('patch', 'eippool', 'good', '--type=merge', '-p', '{"spec":{"allocation":{"maxSize":0}}}');
    expect(broken.stderr).toContain('The EIPPool "good" is invalid: spec.allocation: Invalid value: "object": minAvailable must not exceed maxSize');
  });
});
