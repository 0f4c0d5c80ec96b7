import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

const read = (path: string) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('EIPClaim CRD', () => {
  test('config/crd/bases holds an identical copy of crds/', async () => {
    expect(await read('config/crd/bases/podeip.io_eipclaims.yaml')).toBe(await read('crds/podeip.io_eipclaims.yaml'));
    expect(parse(await read('config/crd/kustomization.yaml'))).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['bases/podeip.io_eipclaims.yaml', 'bases/podeip.io_eippools.yaml'],
    });
  });

  test('names, status subresource, printer columns and enums', async () => {
    const crd = parse(await read('crds/podeip.io_eipclaims.yaml'));
    expect(crd.spec.names).toEqual({ plural: 'eipclaims', singular: 'eipclaim', kind: 'EIPClaim', listKind: 'EIPClaimList', shortNames: ['eipc'], categories: ['podeip'] });
    const [version] = crd.spec.versions;
    expect(version.name).toBe('v1alpha1');
    expect(version.subresources).toEqual({ status: {} });
    expect(version.additionalPrinterColumns.map((column: { name: string; priority?: number }) => [column.name.toUpperCase(), column.priority ?? 0])).toEqual([
      ['PUBLIC-IP', 0],
      ['ADDRESS', 0],
      ['PHASE', 0],
      ['READY', 0],
      ['POLICY', 0],
      ['AGE', 0],
      ['POD-IP', 1],
      ['POOL', 1],
      ['REASON', 1],
      ['EXPIRES', 1],
    ]);
    const { spec, status } = version.schema.openAPIV3Schema.properties;
    expect(spec.properties.deletePolicy.enum).toEqual(['Delete', 'Never']);
    expect(spec.properties.provider.enum).toEqual(['tencent', 'alibaba']);
    expect(status.properties.phase.enum).toEqual(['Pending', 'Allocated', 'Bound', 'Retained', 'Releasing']);
    expect(status.properties.ownership.enum).toEqual(['Owned', 'Static']);
  });
});
