/**
 * The pod status the simulated kubelet reports. The kubelet owns phase, IPs, container statuses and
 * the PodScheduled/Initialized/ContainersReady/Ready conditions; every other condition (readiness
 * gates such as podeip.io/eip-bound) belongs to someone else and is carried over untouched.
 */
import type { V1ContainerStatus, V1Pod, V1PodCondition, V1PodStatus } from '@kubernetes/client-node';
import { createHash } from 'node:crypto';
import { wireTime } from './wire.js';

const KUBELET_CONDITIONS = ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

export type ExitPhase = 'Succeeded' | 'Failed';

export interface PodAddress {
  hostIp: string;
  podIp: string;
}

/** Scheduled, network not yet set up: what `kubectl get` shows as ContainerCreating. */
export function creatingStatus(pod: V1Pod, hostIp: string, now: Date): V1PodStatus {
  const waiting = { waiting: { reason: 'ContainerCreating' } };
  return {
    ...pod.status,
    phase: 'Pending',
    hostIP: hostIp,
    hostIPs: [{ ip: hostIp }],
    startTime: pod.status?.startTime ?? wireTime(now),
    containerStatuses: containerStatuses(pod, waiting, false),
    conditions: withKubeletConditions(pod, { containersReady: false, reason: 'ContainersNotReady' }, now),
  };
}

export function runningStatus(pod: V1Pod, address: PodAddress, now: Date): V1PodStatus {
  const startTime = pod.status?.startTime ?? wireTime(now);
  const running = { running: { startedAt: startTime } };
  return {
    ...pod.status,
    phase: 'Running',
    hostIP: address.hostIp,
    hostIPs: [{ ip: address.hostIp }],
    podIP: address.podIp,
    podIPs: [{ ip: address.podIp }],
    startTime,
    containerStatuses: containerStatuses(pod, running, true),
    conditions: withKubeletConditions(pod, { containersReady: true }, now),
  };
}

export function exitedStatus(pod: V1Pod, phase: ExitPhase, now: Date): V1PodStatus {
  const exitCode = phase === 'Succeeded' ? 0 : 1;
  const terminated = {
    terminated: {
      exitCode,
      reason: phase === 'Succeeded' ? 'Completed' : 'Error',
      startedAt: pod.status?.startTime ?? wireTime(now),
      finishedAt: wireTime(now),
    },
  };
  return {
    ...pod.status,
    phase,
    containerStatuses: containerStatuses(pod, terminated, false),
    conditions: withKubeletConditions(pod, { containersReady: false, reason: phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed' }, now),
  };
}

interface ContainersState {
  containersReady: boolean;
  reason?: string;
}

function withKubeletConditions(pod: V1Pod, containers: ContainersState, now: Date): V1PodCondition[] {
  const current = pod.status?.conditions ?? [];
  const ready = readyCondition(pod, containers);
  const wanted: V1PodCondition[] = [
    { type: 'Initialized', status: 'True' },
    { type: 'Ready', ...ready },
    { type: 'ContainersReady', status: containers.containersReady ? 'True' : 'False', reason: containers.reason },
    { type: 'PodScheduled', status: 'True' },
  ];
  const owned = wanted.map((condition) => withTransitionTime(condition, current, now));
  const foreign = current.filter((condition) => !KUBELET_CONDITIONS.includes(condition.type));
  return [...owned, ...foreign];
}

/** Ready needs ready containers and every readiness gate's condition True (pod-readiness-gate KEP). */
function readyCondition(pod: V1Pod, containers: ContainersState): Pick<V1PodCondition, 'status' | 'reason' | 'message'> {
  if (!containers.containersReady) return { status: 'False', reason: containers.reason };
  const conditions = pod.status?.conditions ?? [];
  const unmet: string[] = [];
  for (const gate of pod.spec?.readinessGates ?? []) {
    const condition = conditions.find((candidate) => candidate.type === gate.conditionType);
    if (!condition) unmet.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (condition.status !== 'True') unmet.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${condition.status}`);
  }
  if (unmet.length === 0) return { status: 'True' };
  return { status: 'False', reason: 'ReadinessGatesNotReady', message: unmet.join(', ') };
}

function withTransitionTime(condition: V1PodCondition, current: V1PodCondition[], now: Date): V1PodCondition {
  const previous = current.find((candidate) => candidate.type === condition.type);
  const unchanged = previous?.status === condition.status;
  return {
    ...condition,
    lastTransitionTime: unchanged && previous?.lastTransitionTime ? previous.lastTransitionTime : wireTime(now),
  };
}

function containerStatuses(pod: V1Pod, state: V1ContainerStatus['state'], ready: boolean): V1ContainerStatus[] {
  return (pod.spec?.containers ?? []).map((container) => ({
    name: container.name,
    image: container.image ?? '',
    imageID: '',
    containerID: `containerd://${containerId(pod, container.name)}`,
    ready,
    started: ready,
    restartCount: 0,
    state,
  }));
}

function containerId(pod: V1Pod, containerName: string): string {
  return createHash('sha256').update(`${pod.metadata?.uid}/${containerName}`).digest('hex');
}
