import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ManualClock } from '../../../hack/cloud/common/clock.js';
import {
  allocate,
  describeOne,
  REGION,
  sdkFailure,
  startAlibabaFixture,
  vpcSdk,
  type AlibabaFixture,
} from './alibaba-fixture.js';

const DOCUMENTED_LIMIT_PER_MINUTE = 120;

async function postAdmin(fixture: AlibabaFixture, path: string, body: unknown, method = 'POST'): Promise<Response> {
  return fetch(`${fixture.emulator.adminUrl}${path}`, { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
}

describe('Alibaba emulator: documented rate limits (120 calls per 60 s)', () => {
  const clock = new ManualClock(Date.now());
  let fixture: AlibabaFixture;

  beforeAll(async () => {
    fixture = await startAlibabaFixture({ clock, quota: 0 });
  });
  afterAll(() => fixture.emulator.close());

  async function burstCodes(call: () => Promise<unknown>, count: number): Promise<Record<string, number>> {
    const codes: Record<string, number> = {};
    for (let i = 0; i < count; i++) {
      const { code, name } = await sdkFailure(call());
      const key = `${name}:${code}`;
      codes[key] = (codes[key] ?? 0) + 1;
    }
    return codes;
  }

  it('throttles AllocateEipAddress above 120 calls in a burst with Throttling.User', async () => {
    expect(await burstCodes(() => allocate(fixture.vpc), DOCUMENTED_LIMIT_PER_MINUTE + 1)).toEqual({
      'ClientError:QuotaExceeded.Eip': DOCUMENTED_LIMIT_PER_MINUTE,
      'ThrottlingError:Throttling.User': 1,
    });
  });

  it('throttles AssociateEipAddress the same way and refills at 2 calls per second', async () => {
    const associate = () =>
      fixture.vpc.associateEipAddress(
        new vpcSdk.AssociateEipAddressRequest({
          regionId: REGION, allocationId: 'eip-unknown00000000000000', instanceType: 'NetworkInterface',
          instanceId: fixture.pods[0]!.networkInterfaceId, privateIpAddress: fixture.pods[0]!.privateIp,
        }),
      );
    expect(await burstCodes(associate, DOCUMENTED_LIMIT_PER_MINUTE + 1)).toEqual({
      'ClientError:InvalidAllocationId.NotFound': DOCUMENTED_LIMIT_PER_MINUTE,
      'ThrottlingError:Throttling.User': 1,
    });
    clock.advance(499);
    expect((await sdkFailure(associate())).code).toBe('Throttling.User');
    clock.advance(1);
    expect((await sdkFailure(associate())).code).toBe('InvalidAllocationId.NotFound');
    expect((await sdkFailure(associate())).code).toBe('Throttling.User');
  });

  it('does not limit DescribeEipAddresses, which has no documented limit', async () => {
    for (let i = 0; i <= DOCUMENTED_LIMIT_PER_MINUTE; i++) await describeOne(fixture.vpc, 'eip-any');
    expect(fixture.emulator.admin.calls().DescribeEipAddresses).toEqual({ OK: DOCUMENTED_LIMIT_PER_MINUTE + 1 });
  });
});

describe('Alibaba emulator: admin API faults, calls, out-of-band addresses and reset', () => {
  let fixture: AlibabaFixture;

  beforeAll(async () => {
    fixture = await startAlibabaFixture();
  });
  beforeEach(() => fixture.emulator.admin.reset());
  afterAll(() => fixture.emulator.close());

  it('returns an injected error code in the documented envelope, as ServerError or ClientError by status', async () => {
    expect((await postAdmin(fixture, '/faults', [
      { action: 'AllocateEipAddress', errorCode: 'ServiceUnavailable' },
      { action: 'ReleaseEipAddress', errorCode: 'TaskConflict' },
      { action: 'DescribeEipAddresses', errorRate: 1 },
    ])).status).toBe(204);
    expect(await sdkFailure(allocate(fixture.vpc))).toMatchObject({ name: 'ServerError', code: 'ServiceUnavailable', statusCode: 503 });
    const release = fixture.vpc.releaseEipAddress(new vpcSdk.ReleaseEipAddressRequest({ regionId: REGION, allocationId: 'eip-x' }));
    expect(await sdkFailure(release)).toMatchObject({ name: 'ClientError', code: 'TaskConflict', statusCode: 400 });
    expect(await sdkFailure(describeOne(fixture.vpc, 'eip-x'))).toMatchObject({ name: 'ServerError', code: 'InternalError', statusCode: 500 });
    expect((await postAdmin(fixture, '/faults', undefined, 'DELETE')).status).toBe(204);
    await allocate(fixture.vpc);
    const calls = await (await fetch(`${fixture.emulator.adminUrl}/calls`)).json();
    expect(calls).toEqual({
      AllocateEipAddress: { ServiceUnavailable: 1, OK: 1 },
      ReleaseEipAddress: { TaskConflict: 1 },
      DescribeEipAddresses: { InternalError: 1 },
    });
  });

  it('adds injected latency to the call', async () => {
    await postAdmin(fixture, '/faults', { action: 'DescribeEipAddresses', latencyMs: 150 });
    const started = performance.now();
    await describeOne(fixture.vpc, 'eip-any');
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('holds a hanging call until the fault is cleared, then answers it', async () => {
    await postAdmin(fixture, '/faults', { action: 'AllocateEipAddress', hang: true });
    let answered = false;
    const call = allocate(fixture.vpc).finally(() => (answered = true));
    await describeOne(fixture.vpc, 'eip-any');
    expect(answered).toBe(false);
    await postAdmin(fixture, '/faults?action=AllocateEipAddress', undefined, 'DELETE');
    const { allocationId } = await call;
    expect(fixture.emulator.admin.addresses().map((address) => address.addressId)).toEqual([allocationId]);
  });

  it('creates addresses out of band that the SDK then sees, bound elsewhere or to a pod IP', async () => {
    const pod = fixture.pods[0]!;
    const elsewhere = await (await postAdmin(fixture, '/addresses', { instanceId: 'i-someoneelse000000000', tags: { owner: 'other' } })).json() as Record<string, string>;
    const onPod = await (await postAdmin(fixture, '/addresses', { networkInterfaceId: pod.networkInterfaceId, privateIp: pod.privateIp, publicIp: '198.51.100.77' })).json() as Record<string, string>;
    expect(onPod).toMatchObject({ publicIp: '198.51.100.77', status: 'InUse', networkInterfaceId: pod.networkInterfaceId, privateIp: pod.privateIp });
    expect((await describeOne(fixture.vpc, elsewhere.addressId!))[0]).toMatchObject({ status: 'InUse', instanceType: 'EcsInstance', instanceId: 'i-someoneelse000000000' });
    const taken = await allocate(fixture.vpc);
    const duplicate = fixture.vpc.associateEipAddress(
      new vpcSdk.AssociateEipAddressRequest({ regionId: REGION, allocationId: taken.allocationId, instanceType: 'NetworkInterface', instanceId: pod.networkInterfaceId, privateIpAddress: pod.privateIp }),
    );
    expect((await sdkFailure(duplicate)).code).toBe('InvalidAssociation.Duplicated');
    const eniView = fixture.emulator.admin.enis().find((eni) => eni.networkInterfaceId === pod.networkInterfaceId)!;
    expect(eniView.privateIps.find((ip) => ip.address === pod.privateIp)).toMatchObject({ addressId: onPod.addressId, publicIp: '198.51.100.77' });
    expect((await postAdmin(fixture, '/addresses', { networkInterfaceId: pod.networkInterfaceId })).status).toBe(400);
  });

  it('forgets addresses, calls and ClientTokens on reset', async () => {
    const first = await allocate(fixture.vpc, { clientToken: 't-1' });
    expect((await postAdmin(fixture, '/reset', undefined)).status).toBe(204);
    expect(fixture.emulator.admin.addresses()).toEqual([]);
    expect(fixture.emulator.admin.calls()).toEqual({});
    const again = await allocate(fixture.vpc, { clientToken: 't-1' });
    expect(again.allocationId).not.toBe(first.allocationId);
  });
});
