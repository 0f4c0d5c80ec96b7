/** The chaos run's invariants (issue 9 item 4), each broken on its own by a hand-made cluster and cloud. */
import type { V1Pod } from '@kubernetes/client-node';
import type { AdminAddress } from '../../hack/cloud/common/index.js';
import { invariantCounts, invariantsOf, type ClusterTruth } from '../../hack/chaos/invariants.js';
import type { EIPClaim } from '../../src/k8s/eipclaim.js';

const TAGGED = { 'podeip.io/cluster': 'chaos' };

function address(addressId: string, privateIp?: string, tags: Record<string, string> = TAGGED): AdminAddress {
  return { addressId, publicIp: '203.0.113.1', status: privateIp ? 'BIND' : 'UNBIND', tags, ...(privateIp ? { privateIp } : {}) };
}

function claim(name: string, addressId: string | undefined, phase: string, deletePolicy = 'Never'): EIPClaim {
  return {
    apiVersion: 'podeip.io/v1alpha1',
    kind: 'EIPClaim',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1' },
    spec: { provider: 'tencent', deletePolicy },
    status: { phase, ...(addressId ? { addressId } : {}) },
  } as EIPClaim;
}

function pod(name: string, podIP: string, phase = 'Running'): V1Pod {
  return { metadata: { name, namespace: 'default' }, status: { phase, podIP } };
}

function truth(changes: Partial<ClusterTruth> = {}): ClusterTruth {
  return {
    clusterId: 'chaos',
    addresses: [address('eip-a', '10.0.0.1'), address('eip-static', '10.0.0.2', {}), address('eip-kept')],
    staticAddressIds: ['eip-static'],
    claims: [claim('kept-0', 'eip-a', 'Bound'), claim('static-0', 'eip-static', 'Bound', 'Delete'), claim('kept-1', 'eip-kept', 'Retained')],
    pods: [pod('kept-0', '10.0.0.1'), pod('static-0', '10.0.0.2')],
    ...changes,
  };
}

const NONE = { leakedAddresses: 0, addressesNamedByTwoClaims: 0, staticAddressesReleased: 0, claimsNotConverged: 0 };

describe('the chaos run invariants', () => {
  test('a settled cluster breaks none: a kept claim of a gone pod (policy Never) is not a leak', () => {
    expect(invariantCounts(invariantsOf(truth()))).toEqual(NONE);
  });

  test('a tagged address no claim names is leaked; an untagged or another cluster\'s one is not', () => {
    const addresses = [...truth().addresses, address('eip-leak'), address('eip-console', undefined, {}), address('eip-other', undefined, { 'podeip.io/cluster': 'prod' })];
    expect(invariantsOf(truth({ addresses })).leakedAddresses).toEqual(['eip-leak']);
  });

  test('an address two claims name', () => {
    const claims = [...truth().claims, claim('kept-2', 'eip-a', 'Retained')];
    expect(invariantsOf(truth({ claims })).addressesNamedByTwoClaims).toEqual(['eip-a']);
  });

  test('a static address the cloud no longer has', () => {
    const addresses = truth().addresses.filter((each) => each.addressId !== 'eip-static');
    expect(invariantsOf(truth({ addresses })).staticAddressesReleased).toEqual(['eip-static']);
  });

  test('claims not converged: each way a claim can be behind, and not for pods that are not Running', () => {
    const pods = [pod('kept-0', '10.0.0.9'), pod('static-0', '10.0.0.2'), pod('churned-x', '10.0.0.3'), pod('kept-3', '10.0.0.4'), pod('kept-4', '', 'Pending')];
    const claims = [...truth().claims, claim('kept-3', undefined, 'Allocated'), claim('churned-gone', 'eip-kept', 'Releasing', 'Delete')];
    expect(invariantsOf(truth({ pods, claims })).claimsNotConverged).toEqual([
      'default/churned-gone: kept after its pod is gone (policy Delete, phase Releasing)',
      'default/churned-x: Running pod without a claim',
      "default/kept-0: claim Bound, but the cloud binds eip-a to 10.0.0.1, not the pod's 10.0.0.9",
      'default/kept-3: claim Allocated while its pod is Running',
    ]);
  });
});
