import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { useLocalServer } from './local-server.js';

const gadgetCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'gadgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Cluster',
    names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        subresources: { status: {} },
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: {
                  policy: { type: 'string', enum: ['Delete', 'Retain'], default: 'Delete' },
                  limits: { type: 'object', default: {}, properties: { max: { type: 'integer', default: 10 }, min: { type: 'integer' } } },
                  extra: { type: 'object', properties: { note: { type: 'string', default: 'none' } } },
                },
              },
              status: { type: 'object', properties: { count: { type: 'integer' } } },
            },
          },
        },
      },
    ],
  },
};
const gadgets = { group: 'example.com', version: 'v1', plural: 'gadgets' };
const gadget = (name: string, spec: object) => ({ apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name }, spec });

describe('local API server: CRD schema defaults', () => {
  const local = useLocalServer();

  beforeAll(async () => {
    const response = await fetch(`${local.server.url}/apis/apiextensions.k8s.io/v1/customresourcedefinitions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(gadgetCrd),
    });
    expect(response.status).toBe(201);
  });

  it('fills absent properties with their defaults, also inside a defaulted object, but not under an absent parent', async () => {
    const created = (await local.custom.createClusterCustomObject({ ...gadgets, body: gadget('plain', {}) })) as { spec: object };
    expect(created.spec).toEqual({ policy: 'Delete', limits: { max: 10 } });
  });

  it('keeps values that are set, and defaults the rest of a present object', async () => {
    const created = (await local.custom.createClusterCustomObject({
      ...gadgets,
      body: gadget('set', { policy: 'Retain', limits: { min: 1 }, extra: {} }),
    })) as { spec: object };
    expect(created.spec).toEqual({ policy: 'Retain', limits: { min: 1, max: 10 }, extra: { note: 'none' } });
  });

  it('defaults again when a merge patch removes a defaulted field', async () => {
    const patched = (await local.custom.patchClusterCustomObject(
      { ...gadgets, name: 'set', body: { spec: { policy: null } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )) as { spec: { policy: string } };
    expect(patched.spec.policy).toBe('Delete');
  });
});
