import type { V1Pod, V1PodCondition } from '@kubernetes/client-node';
import { creatingStatus, exitedStatus, runningStatus } from '../../hack/workloads/pod-status.js';

const NOW = new Date('2026-03-01T10:00:00.250Z');
const EARLIER = '2026-03-01T09:00:00Z';
const GATE = 'podeip.io/eip-bound';

function pod(conditions: V1PodCondition[] = [], readinessGates: string[] = []): V1Pod {
  return {
    metadata: { name: 'web-0', namespace: 'default', uid: 'uid-1' },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], readinessGates: readinessGates.map((conditionType) => ({ conditionType })) },
    status: { phase: 'Pending', conditions },
  };
}

const byType = (conditions: V1PodCondition[] | undefined) => Object.fromEntries((conditions ?? []).map((c) => [c.type, c]));
const address = { hostIp: '10.0.0.10', podIp: '10.0.0.11' };

describe('runningStatus', () => {
  test('reports Running with the pod and host IPs and all kubelet conditions True', () => {
    const status = runningStatus(pod(), address, NOW);
    expect(status.phase).toBe('Running');
    expect(status.podIP).toBe('10.0.0.11');
    expect(status.podIPs).toEqual([{ ip: '10.0.0.11' }]);
    expect(status.hostIP).toBe('10.0.0.10');
    expect(status.hostIPs).toEqual([{ ip: '10.0.0.10' }]);
    expect(status.startTime).toBe('2026-03-01T10:00:00Z');
    expect(status.conditions!.map((c) => [c.type, c.status])).toEqual([
      ['Initialized', 'True'],
      ['Ready', 'True'],
      ['ContainersReady', 'True'],
      ['PodScheduled', 'True'],
    ]);
    expect(status.containerStatuses).toEqual([
      expect.objectContaining({ name: 'app', image: 'nginx:1.27', ready: true, restartCount: 0, state: { running: { startedAt: '2026-03-01T10:00:00Z' } } }),
    ]);
  });

  test('holds Ready False while a readiness gate condition is missing', () => {
    const ready = byType(runningStatus(pod([], [GATE]), address, NOW).conditions).Ready!;
    expect(ready.status).toBe('False');
    expect(ready.reason).toBe('ReadinessGatesNotReady');
    expect(ready.message).toBe('corresponding condition of pod readiness gate "podeip.io/eip-bound" does not exist.');
  });

  test('holds Ready False while a readiness gate condition is False, and keeps that condition untouched', () => {
    const gate = { type: GATE, status: 'False', reason: 'Pending', lastTransitionTime: EARLIER as unknown as Date };
    const conditions = byType(runningStatus(pod([gate], [GATE]), address, NOW).conditions);
    expect(conditions.Ready!.status).toBe('False');
    expect(conditions.Ready!.message).toBe('the status of pod readiness gate "podeip.io/eip-bound" is not "True", but False');
    expect(conditions[GATE]).toEqual(gate);
  });

  test('turns Ready True once every readiness gate condition is True', () => {
    const gate = { type: GATE, status: 'True' };
    expect(byType(runningStatus(pod([gate], [GATE]), address, NOW).conditions).Ready!.status).toBe('True');
  });

  test('keeps lastTransitionTime of a condition whose status did not change, and moves it when it flips', () => {
    const previous = [
      { type: 'Ready', status: 'False', lastTransitionTime: EARLIER as unknown as Date },
      { type: 'Initialized', status: 'True', lastTransitionTime: EARLIER as unknown as Date },
    ];
    const conditions = byType(runningStatus(pod(previous), address, NOW).conditions);
    expect(conditions.Initialized!.lastTransitionTime).toBe(EARLIER);
    expect(conditions.Ready!.lastTransitionTime).toBe('2026-03-01T10:00:00Z');
  });
});

describe('creatingStatus and exitedStatus', () => {
  test('a pod waiting for its network is Pending in ContainerCreating with its host IP only', () => {
    const status = creatingStatus(pod(), '10.0.0.10', NOW);
    expect(status.phase).toBe('Pending');
    expect(status.hostIP).toBe('10.0.0.10');
    expect(status.podIP).toBeUndefined();
    expect(status.containerStatuses![0]!.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(byType(status.conditions).ContainersReady!.status).toBe('False');
  });

  test('a failed pod reports exit code 1, reason Error and Ready False', () => {
    const status = exitedStatus(pod(), 'Failed', NOW);
    expect(status.phase).toBe('Failed');
    expect(status.containerStatuses![0]!.state!.terminated).toEqual(
      expect.objectContaining({ exitCode: 1, reason: 'Error', finishedAt: '2026-03-01T10:00:00Z' }),
    );
    expect(byType(status.conditions).Ready).toEqual(expect.objectContaining({ status: 'False', reason: 'PodFailed' }));
  });
});
