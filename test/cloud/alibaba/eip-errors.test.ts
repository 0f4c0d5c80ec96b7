import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID, DEFAULT_ALIBABA_CREDENTIALS, DEFAULT_ALIBABA_DELAYS } from '../../../hack/cloud/alibaba/index.js';
import { ManualClock } from '../../../hack/cloud/common/clock.js';
import {
  allocate,
  REGION,
  REQUEST_ID,
  sdkFailure,
  startAlibabaFixture,
  vpcClient,
  vpcSdk,
  type AlibabaFixture,
} from './alibaba-fixture.js';

describe('Alibaba emulator: documented errors, as the official SDK surfaces them', () => {
  const clock = new ManualClock(Date.now());
  let fixture: AlibabaFixture;

  beforeAll(async () => {
    fixture = await startAlibabaFixture({ clock });
  });
  beforeEach(() => fixture.emulator.admin.reset());
  afterAll(() => fixture.emulator.close());

  const associateRequest = (allocationId: string, pod = fixture.pods[0]!) =>
    new vpcSdk.AssociateEipAddressRequest({
      regionId: REGION,
      allocationId,
      instanceType: 'NetworkInterface',
      instanceId: pod.networkInterfaceId,
      privateIpAddress: pod.privateIp,
    });

  it('reports an unknown AllocationId as InvalidAllocationId.NotFound (404) with a request id', async () => {
    const failure = await sdkFailure(fixture.vpc.releaseEipAddress(new vpcSdk.ReleaseEipAddressRequest({ regionId: REGION, allocationId: 'eip-doesnotexist000000000' })));
    expect(failure).toMatchObject({ code: 'InvalidAllocationId.NotFound', statusCode: 404, name: 'ClientError' });
    expect(failure.requestId).toMatch(REQUEST_ID);
  });

  it('refuses calls on an EIP that is changing state with TaskConflict, and wrong settled states with IncorrectEipStatus', async () => {
    const { allocationId } = await allocate(fixture.vpc);
    await fixture.vpc.associateEipAddress(associateRequest(allocationId));
    const whileAssociating = await sdkFailure(fixture.vpc.releaseEipAddress(new vpcSdk.ReleaseEipAddressRequest({ regionId: REGION, allocationId })));
    expect(whileAssociating).toMatchObject({ code: 'TaskConflict', statusCode: 400 });
    clock.advance(DEFAULT_ALIBABA_DELAYS.associateMs);
    const releaseInUse = await sdkFailure(fixture.vpc.releaseEipAddress(new vpcSdk.ReleaseEipAddressRequest({ regionId: REGION, allocationId })));
    expect(releaseInUse).toMatchObject({ code: 'IncorrectEipStatus', statusCode: 400 });
    const associateInUse = await sdkFailure(fixture.vpc.associateEipAddress(associateRequest(allocationId, fixture.pods[1])));
    expect(associateInUse.code).toBe('IncorrectEipStatus');
    const other = await allocate(fixture.vpc);
    const unassociateAvailable = await sdkFailure(
      fixture.vpc.unassociateEipAddress(new vpcSdk.UnassociateEipAddressRequest({ regionId: REGION, allocationId: other.allocationId })),
    );
    expect(unassociateAvailable.code).toBe('IncorrectEipStatus');
  });

  it('allows one EIP per private IP: InvalidAssociation.Duplicated', async () => {
    const first = await allocate(fixture.vpc);
    const second = await allocate(fixture.vpc);
    await fixture.vpc.associateEipAddress(associateRequest(first.allocationId));
    const failure = await sdkFailure(fixture.vpc.associateEipAddress(associateRequest(second.allocationId)));
    expect(failure).toMatchObject({ code: 'InvalidAssociation.Duplicated', statusCode: 400 });
  });

  it('checks that the ENI exists and holds the private IP', async () => {
    const { allocationId } = await allocate(fixture.vpc);
    const unknownEni = new vpcSdk.AssociateEipAddressRequest({ ...associateRequest(allocationId), instanceId: 'eni-unknown0000000000000' });
    expect((await sdkFailure(fixture.vpc.associateEipAddress(unknownEni))).code).toBe('InvalidInstanceId.NotFound');
    const foreignIp = new vpcSdk.AssociateEipAddressRequest({ ...associateRequest(allocationId), privateIpAddress: fixture.pods[2]!.privateIp });
    expect((await sdkFailure(fixture.vpc.associateEipAddress(foreignIp))).code).toBe('InvalidPrivateIpAddress.NotFound');
    const ecsTarget = new vpcSdk.AssociateEipAddressRequest({ ...associateRequest(allocationId), instanceType: 'EcsInstance' });
    expect((await sdkFailure(fixture.vpc.associateEipAddress(ecsTarget))).code).toBe('InvalidInstanceType.ValueNotSupported');
  });

  it('stops allocation at the quota (20 by default, settable) with QuotaExceeded.Eip', async () => {
    fixture.emulator.admin.setQuota(2);
    await allocate(fixture.vpc);
    await allocate(fixture.vpc);
    const failure = await sdkFailure(allocate(fixture.vpc));
    expect(failure).toMatchObject({ code: 'QuotaExceeded.Eip', statusCode: 400 });
    fixture.emulator.admin.reset();
    for (let i = 0; i < 20; i++) await allocate(fixture.vpc);
    expect((await sdkFailure(allocate(fixture.vpc))).code).toBe('QuotaExceeded.Eip');
  });

  it('validates allocation parameters: bandwidth range and charge-type rules', async () => {
    expect((await sdkFailure(allocate(fixture.vpc, { bandwidth: '201', internetChargeType: 'PayByTraffic' }))).code).toBe('InvalidBandwidth.Malformed');
    expect((await sdkFailure(allocate(fixture.vpc, { ISP: 'ChinaMobile', internetChargeType: 'PayByTraffic' }))).code).toBe('InvalidInternetChargeType');
    expect((await sdkFailure(allocate(fixture.vpc, { instanceChargeType: 'PrePaid' }))).code).toBe('MissingPeriod');
    expect((await sdkFailure(allocate(fixture.vpc, { ISP: 'Nope' }))).code).toBe('InvalidISP');
  });

  it('checks common bandwidth package membership', async () => {
    const { allocationId } = await allocate(fixture.vpc);
    const membership = { regionId: REGION, bandwidthPackageId: DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID, ipInstanceId: allocationId };
    const leaveUnjoined = await sdkFailure(fixture.vpc.removeCommonBandwidthPackageIp(new vpcSdk.RemoveCommonBandwidthPackageIpRequest(membership)));
    expect(leaveUnjoined.code).toBe('OperationUnsupported.IpNotInCbwp');
    const unknownPackage = await sdkFailure(
      fixture.vpc.addCommonBandwidthPackageIp(new vpcSdk.AddCommonBandwidthPackageIpRequest({ ...membership, bandwidthPackageId: 'cbwp-unknown' })),
    );
    expect(unknownPackage).toMatchObject({ code: 'InvalidBandwidthPackageId.NotFound', statusCode: 404 });
    await fixture.vpc.associateEipAddress(associateRequest(allocationId));
    const whileAssociating = await sdkFailure(fixture.vpc.addCommonBandwidthPackageIp(new vpcSdk.AddCommonBandwidthPackageIpRequest(membership)));
    expect(whileAssociating.code).toBe('TaskConflict');
  });

  it('limits an EIP to 20 tags and reports unknown tag targets', async () => {
    const tags = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => new vpcSdk.TagResourcesRequestTag({ key: `k${from + i}`, value: 'v' }));
    const { allocationId } = await allocate(fixture.vpc);
    const tagRequest = (resourceId: string, tag: InstanceType<typeof vpcSdk.TagResourcesRequestTag>[]) =>
      new vpcSdk.TagResourcesRequest({ regionId: REGION, resourceType: 'EIP', resourceId: [resourceId], tag });
    await fixture.vpc.tagResources(tagRequest(allocationId, tags(0, 20)));
    expect((await sdkFailure(fixture.vpc.tagResources(tagRequest(allocationId, tags(20, 1))))).code).toBe('SizeLimitExceeded.TagNum');
    const unknown = await sdkFailure(fixture.vpc.tagResources(tagRequest('eip-unknown', tags(0, 1))));
    expect(unknown).toMatchObject({ code: 'InvalidResourceId.NotFound', statusCode: 404 });
  });

  it('refuses to release a subscription EIP with Forbidden.ChargeTypeIsPrepaid', async () => {
    const { allocationId } = await allocate(fixture.vpc, { instanceChargeType: 'PrePaid', period: 1, pricingCycle: 'Month' });
    const failure = await sdkFailure(fixture.vpc.releaseEipAddress(new vpcSdk.ReleaseEipAddressRequest({ regionId: REGION, allocationId })));
    expect(failure.code).toBe('Forbidden.ChargeTypeIsPrepaid');
  });

  it('rejects a parameter the action does not take with UnsupportedParameter', async () => {
    const client = vpcClient(fixture.emulator, undefined, {
      globalParameters: new $OpenApiUtil.GlobalParameters({ queries: { Colour: 'blue' } }),
    });
    const failure = await sdkFailure(allocate(client));
    expect(failure).toMatchObject({ code: 'UnsupportedParameter', statusCode: 400 });
  });

  it('rejects an action it does not know with InvalidApi.NotFound (404)', async () => {
    const params = new $OpenApiUtil.Params({
      action: 'AllocateEipAddresses', version: '2016-04-28', protocol: 'HTTPS', pathname: '/', method: 'POST',
      authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
    });
    const request = new $OpenApiUtil.OpenApiRequest({ query: { RegionId: REGION } });
    const failure = await sdkFailure(fixture.vpc.callApi(params, request, {} as Parameters<typeof fixture.vpc.callApi>[2]));
    expect(failure).toMatchObject({ code: 'InvalidApi.NotFound', statusCode: 404 });
  });

  it('rejects a wrong secret (SignatureDoesNotMatch) and an unknown key (InvalidAccessKeyId.NotFound)', async () => {
    const { accessKeyId } = DEFAULT_ALIBABA_CREDENTIALS[0]!;
    const wrongSecret = await sdkFailure(allocate(vpcClient(fixture.emulator, { accessKeyId, accessKeySecret: 'not-the-secret' })));
    expect(wrongSecret).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 400 });
    const unknownKey = await sdkFailure(allocate(vpcClient(fixture.emulator, { accessKeyId: 'LTAI-unknown', accessKeySecret: 'x' })));
    expect(unknownKey).toMatchObject({ code: 'InvalidAccessKeyId.NotFound', statusCode: 404 });
    expect(fixture.emulator.admin.addresses()).toEqual([]);
  });

  it('rejects a request signed more than 15 minutes away from its clock with InvalidTimeStamp.Expired', async () => {
    clock.advance(16 * 60 * 1000);
    try {
      expect((await sdkFailure(allocate(fixture.vpc))).code).toBe('InvalidTimeStamp.Expired');
    } finally {
      clock.advance(-16 * 60 * 1000);
    }
    await allocate(fixture.vpc);
  });

  it('rejects a request without an ACS3 Authorization header with IncompleteSignature', async () => {
    const response = await fetch(`${fixture.emulator.endpoint}/?RegionId=${REGION}`, {
      method: 'POST',
      headers: { 'x-acs-action': 'DescribeEipAddresses', 'x-acs-version': '2016-04-28' },
    });
    expect(response.status).toBe(400);
    const body = await response.json() as Record<string, string>;
    expect(body).toMatchObject({ Code: 'IncompleteSignature', HostId: 'vpc.aliyuncs.com' });
    expect(body.RequestId).toMatch(REQUEST_ID);
  });

  it('rejects a replayed signature nonce with SignatureNonceUsed', async () => {
    const client = vpcClient(fixture.emulator, undefined, {
      globalParameters: new $OpenApiUtil.GlobalParameters({ headers: { 'x-acs-signature-nonce': 'fixed-nonce-1' } }),
    });
    await allocate(client);
    expect((await sdkFailure(allocate(client))).code).toBe('SignatureNonceUsed');
    expect(fixture.emulator.admin.addresses()).toHaveLength(1);
  });

  it('rejects another region with InvalidRegionId.NotFound', async () => {
    expect((await sdkFailure(allocate(fixture.vpc, { regionId: 'cn-beijing' }))).code).toBe('InvalidRegionId.NotFound');
  });
});
