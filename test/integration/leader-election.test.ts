import { CoordinationV1Api } from '@kubernetes/client-node';
import { pino } from 'pino';
import { type RunningController, startController } from '../../src/manager/start-controller.js';
import { CLUSTER_ID, CONTROLLER_NAMESPACE, eventually, Harness } from './harness.js';
import { TENCENT_ROW } from './provider-rows.js';

const LEASE = { namespace: CONTROLLER_NAMESPACE, name: 'podeip-leader', leaseDurationMs: 1_500, renewDeadlineMs: 1_000, retryPeriodMs: 100 };

describe('leader election', () => {
  let world: Harness;
  const replicas: RunningController[] = [];
  beforeAll(async () => {
    world = await Harness.start(TENCENT_ROW, { inProcessController: false });
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await world?.close();
  });

  function replica(identity: string): Promise<RunningController> {
    return startController({
      kubeConfig: world.controllerKubeConfig,
      provider: 'tencent',
      region: TENCENT_ROW.region,
      clusterId: CLUSTER_ID,
      cloudEndpoint: world.cloud.endpoint,
      metricsBindAddress: '0',
      healthProbeBindAddress: '127.0.0.1:0',
      leaderElection: { ...LEASE, identity },
      logger: pino({ level: 'silent' }),
      pollIntervalMs: 10,
    });
  }

  test('only the leader reconciles; when it stops and releases the lease, the other takes over', async () => {
    const first = await replica('first');
    replicas.push(first);
    await first.reconciling;
    const second = await replica('second');
    replicas.push(second);
    await second.synced;
    expect([first.isLeader(), second.isLeader()]).toEqual([true, false]);
    expect((await fetch(`${second.probesUrl}/readyz`)).status).toBe(200);

    await world.createPod('led-1', TENCENT_ROW.ownedRequest());
    await world.boundClaim('led-1');
    await first.stop();
    replicas.shift();
    await second.reconciling;
    expect(second.isLeader()).toBe(true);
    const lease = await world.kubeConfig.makeApiClient(CoordinationV1Api).readNamespacedLease({ namespace: CONTROLLER_NAMESPACE, name: 'podeip-leader' });
    expect(lease.spec?.holderIdentity).toBe('second');
    await world.createPod('led-2', TENCENT_ROW.ownedRequest());
    await eventually('led-2 bound by the new leader', () => world.boundClaim('led-2'));
  });
});
