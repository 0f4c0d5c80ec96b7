/**
 * `kubectl explain` reads a kind's schema from the OpenAPI v3 document of its group/version
 * (kubectl explain/v2; apiextensions-apiserver publishes each CRD version's schema under
 * components.schemas with x-kubernetes-group-version-kind). Checked with podeip's CRDs and the real kubectl.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { Kubectl } from './kubectl-runner.js';
import { useLocalServer } from './local-server.js';

describe('kubectl explain of custom resources', () => {
  const local = useLocalServer();
  let kubectl: Kubectl;

  beforeAll(async () => {
    kubectl = await Kubectl.for(local.server);
    for (const file of ['crds/podeip.io_eipclaims.yaml', 'crds/podeip.io_eippools.yaml']) {
      const crd = parse(await readFile(file, 'utf8'));
      await fetch(`${local.server.url}/apis/apiextensions.k8s.io/v1/customresourcedefinitions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(crd) });
    }
  });
  afterAll(() => kubectl.cleanUp());

  it('explains eipc by its short name, with the CRD descriptions', async () => {
    const explained = await kubectl.ok('explain', 'eipc');
    expect(explained).toMatch(/^GROUP:\s+podeip\.io\nKIND:\s+EIPClaim\nVERSION:\s+v1alpha1\n/);
    expect(explained).toContain('An Elastic IP claimed for the pod of the same name and namespace.');
    expect(explained).toMatch(/\n\s+spec\t<Object>\n\s+Written by podeip from the pod's annotations\.\n/);
  });

  it('explains a field path with its required fields and enums', async () => {
    const spec = await kubectl.ok('explain', 'eipc.spec');
    expect(spec).toMatch(/FIELD: spec <Object>/);
    expect(spec).toMatch(/deletePolicy\t<string> -required-\n\s+enum: Delete, Never\n\s+Never keeps the claim and its address after the pod is gone\./);
    expect(await kubectl.ok('explain', 'eippool.spec.allocation.releaseIdleAfter')).toMatch(/FIELD: releaseIdleAfter <string>\n[\s\S]*Release owned spares above minAvailable/);
  });
});
