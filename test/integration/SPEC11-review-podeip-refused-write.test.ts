/**
 * SPEC §11 (review): a PodEIP the API server refuses for good (422: a PodEIP CRD with a stricter
 * schema than podeip's, here a maxLength on status.name) is reported on the claim, and never keeps the
 * pod from its outputs: the PodEIP is a compatibility view, the pod's own annotation and condition are
 * the contract. The refusal used to fail the claim's pass on every retry, so the pod never got them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALIBABA_ROW as row } from '../providers/alibaba/alibaba-row.js';
import { eventually, useHarness } from './harness.js';

const CRD_FILE = fileURLToPath(new URL('../../config/compat/alibabacloud.com_podeips.yaml', import.meta.url));

describe('SPEC §11 a refused PodEIP write does not hold the pod outputs back (alibaba)', () => {
  const world = useHarness(row, { controller: { podeipCrdCheckMs: 200 } });

  beforeAll(async () => {
    const strict = readFileSync(CRD_FILE, 'utf8').replace(/( +)name:\n( +)type: string\n/, (_all, indent: string, inner: string) => `${indent}name:\n${inner}type: string\n${inner}maxLength: 8\n`);
    expect(strict).toContain('maxLength: 8');
    const file = join(tmpdir(), `podeip-strict-crd-${process.pid}.yaml`);
    writeFileSync(file, strict);
    await world().kubectl('apply', '-f', file);
  });

  test('the pod gets its outputs and the claim a Warning naming the refusal; another pod is unaffected', async () => {
    await world().createPod('okg-short', { ...row.ownedRequest(), 'k8s.aliyun.com/eip-name': 'short' });
    await world().boundClaim('okg-short');
    await eventually('PodEIP of okg-short written', async () => (await world().kubectl('get', 'podeips', 'okg-short', '-o', 'jsonpath={.status.name}', '--ignore-not-found')) === 'short');
    await world().createPod('okg-long', { ...row.ownedRequest(), 'k8s.aliyun.com/eip-name': 'a-name-longer-than-eight' });
    const { claim } = await world().boundClaim('okg-long');
    const warning = await eventually('Warning on the claim', async () => (await world().events('FailedWritePodEIP', 'okg-long'))[0]);
    expect(warning).toMatchObject({ type: 'Warning', involvedObject: { kind: 'EIPClaim', uid: claim.metadata.uid } });
    expect(warning.message).toMatch(/^could not write PodEIP default\/okg-long: /);
  });
});
