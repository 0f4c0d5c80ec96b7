/** SPEC §11: what the PodEIP of a claim says, field by field (src/compat/podeip-mapping). */
import { podEipContentOf } from '../../../src/compat/podeip-mapping.js';
import type { EIPClaim, EIPClaimSpec, EIPClaimStatus } from '../../../src/k8s/eipclaim.js';
import type { CloudAddress } from '../../../src/providers/provider.js';

const POD = { uid: 'pod-uid-1', podIP: '10.0.1.12' };
const ALLOCATION = {
  bandwidthMbps: 10,
  isp: 'BGP',
  chargeType: 'PayByTraffic',
  parameters: { ResourceGroupId: 'rg-games', Name: 'default/gs-0', PublicIpAddressPoolId: 'pippool-1', CommonBandwidthPackageId: 'cbwp-1' },
};
/** The status fields that come from the allocation parameters and the address's bandwidth package. */
const ALLOCATION_STATUS = {
  isp: 'BGP',
  internetChargeType: 'PayByTraffic',
  resourceGroupID: 'rg-games',
  name: 'default/gs-0',
  publicIpAddressPoolID: 'pippool-1',
  bandwidthPackageID: 'cbwp-1',
};
const BOUND: EIPClaimStatus = {
  phase: 'Bound',
  addressId: 'eip-abc',
  ownership: 'Owned',
  publicIP: '203.0.113.7',
  podUID: 'pod-uid-1',
  privateIP: '10.0.1.12',
  networkInterfaceId: 'eni-1',
  boundAt: '2026-11-30T01:00:00.000Z',
};
const ADDRESS: CloudAddress = { id: 'eip-abc', publicIp: '203.0.113.7', state: 'Bound', rawStatus: 'InUse', bandwidthPackageId: 'cbwp-1', tags: {} };

function claimWith(spec: Partial<EIPClaimSpec>, status: EIPClaimStatus, deleting = false): EIPClaim {
  return {
    apiVersion: 'podeip.io/v1alpha1',
    kind: 'EIPClaim',
    metadata: { namespace: 'default', name: 'gs-0', uid: 'claim-uid', resourceVersion: '1', ...(deleting ? { deletionTimestamp: '2026-11-30T02:00:00Z' } : {}) },
    spec: { provider: 'alibaba', deletePolicy: 'Delete', allocation: ALLOCATION, ...spec },
    status,
  };
}

describe('the PodEIP of a claim', () => {
  test('a claim Bound to the pod there now shows every §11 field', () => {
    expect(podEipContentOf(claimWith({}, BOUND), ADDRESS, POD)).toEqual({
      spec: { allocationID: 'eip-abc', bandwidthPackageID: 'cbwp-1', allocationType: { type: 'Auto', releaseStrategy: 'Follow' } },
      status: {
        eipAddress: '203.0.113.7',
        privateIPAddress: '10.0.1.12',
        networkInterfaceID: 'eni-1',
        ...ALLOCATION_STATUS,
        status: 'InUse',
        podLastSeen: '2026-11-30T01:00:00.000Z',
      },
    });
  });

  test.each([
    ['Delete', undefined, { type: 'Auto', releaseStrategy: 'Follow' }],
    ['Never', undefined, { type: 'Auto', releaseStrategy: 'Never' }],
    ['Never', '1h30m', { type: 'Auto', releaseStrategy: 'TTL', releaseAfter: '1h30m' }],
  ] as const)('delete policy %s with expireAfter %s is the release strategy %j', (deletePolicy, expireAfter, allocationType) => {
    const spec = { deletePolicy, ...(expireAfter ? { expireAfter } : {}) };
    expect(podEipContentOf(claimWith(spec, BOUND), ADDRESS, POD)?.spec.allocationType).toEqual(allocationType);
  });

  test('a static address is of type Static, without the allocation parameters it never had', () => {
    const content = podEipContentOf(claimWith({ allocation: undefined, addressId: 'eip-abc' } as Partial<EIPClaimSpec>, { ...BOUND, ownership: 'Static' }), { ...ADDRESS, bandwidthPackageId: undefined } as CloudAddress, POD);
    expect(content?.spec).toEqual({ allocationID: 'eip-abc', allocationType: { type: 'Static', releaseStrategy: 'Follow' } });
    expect(content?.status).toEqual({ eipAddress: '203.0.113.7', privateIPAddress: '10.0.1.12', networkInterfaceID: 'eni-1', status: 'InUse', podLastSeen: '2026-11-30T01:00:00.000Z' });
  });

  test.each([
    ['the claim is Retained', { ...BOUND, phase: 'Retained', podGoneAt: '2026-11-30T01:05:00.000Z' } as EIPClaimStatus, undefined, '2026-11-30T01:05:00.000Z'],
    ['a re-created pod has not been bound yet', BOUND, { uid: 'pod-uid-2' }, '2026-11-30T01:00:00.000Z'],
    ['the pod has another IP than the one bound', BOUND, { uid: 'pod-uid-1', podIP: '10.0.1.13' }, '2026-11-30T01:00:00.000Z'],
    ['the address is moving to the pod', { ...BOUND, phase: 'Allocated' } as EIPClaimStatus, POD, '2026-11-30T01:00:00.000Z'],
  ])('no public or private IP while %s', (_case, status, pod, podLastSeen) => {
    const content = podEipContentOf(claimWith({}, status), { ...ADDRESS, state: 'Available', rawStatus: 'Available', target: undefined } as CloudAddress, pod);
    expect(content?.status).toEqual({ ...ALLOCATION_STATUS, status: 'Available', podLastSeen });
  });

  test.each([
    ['a Tencent claim', claimWith({ provider: 'tencent' }, BOUND)],
    ['a claim without an address yet', claimWith({}, { phase: 'Pending' })],
    ['a claim being deleted', claimWith({}, BOUND, true)],
  ])('%s has none', (_case, claim) => {
    expect(podEipContentOf(claim, ADDRESS, POD)).toBeUndefined();
  });
});
