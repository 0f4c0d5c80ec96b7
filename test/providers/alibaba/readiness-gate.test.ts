import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { V1Pod } from '@kubernetes/client-node';
import { eventually, Harness } from '../../integration/harness.js';
import { ALIBABA_ROW } from './alibaba-row.js';

const GATE = 'k8s.aliyun.com/eip';

function conditionStatus(pod: V1Pod | undefined, type: string): string | undefined {
  return pod?.status?.conditions?.find((condition) => condition.type === type)?.status;
}

describe('readiness gate k8s.aliyun.com/eip (local API server, workload simulation, Alibaba emulator, podeip in-process)', () => {
  let world: Harness;

  beforeAll(async () => {
    world = await Harness.start(ALIBABA_ROW);
  });
  afterAll(async () => {
    await world?.close();
  });

  test('a running pod stays not Ready until its address is bound, then becomes Ready with the Alibaba outputs', async () => {
    world.cloud.admin.setFault({ action: 'AssociateEipAddress', hang: true });
    await world.createPod('gated', ALIBABA_ROW.ownedRequest(), { readinessGates: [GATE] });
    await world.cloud.admin.untilHanging(1);
    const running = await eventually('pod running with an IP', async () => {
      const pod = await world.pod('gated');
      return pod?.status?.phase === 'Running' && pod.status.podIP ? pod : undefined;
    });
    expect(conditionStatus(running, 'Ready')).toBe('False');
    expect(conditionStatus(running, GATE)).not.toBe('True');
    expect((await world.claim('gated'))!.status!.phase).toBe('Allocated');

    world.cloud.admin.clearFaults();
    const { claim } = await world.boundClaim('gated');
    const ready = await eventually('pod Ready through its gate', async () => {
      const pod = await world.pod('gated');
      return conditionStatus(pod, 'Ready') === 'True' ? pod : undefined;
    });
    expect(conditionStatus(ready, GATE)).toBe('True');
    expect(conditionStatus(ready, 'podeip.io/eip-bound')).toBe('True');
    expect(ready.metadata!.annotations).toMatchObject({
      'k8s.aliyun.com/allocated-eipAddress': claim.status!.publicIP,
      'network.alibabacloud.com/allocated-eip-address': claim.status!.publicIP,
      'network.alibabacloud.com/allocated-eip-id': claim.status!.addressId,
      'podeip.io/public-ip': claim.status!.publicIP,
    });
    expect(world.address(claim.status!.addressId!)).toMatchObject({ status: 'InUse', privateIp: ready.status!.podIP });
  });
});
