/**
 * Events are named as client-go names them (`<object>.<UnixNano in hex>`), so the API server lists a
 * claim's events in the order they happened; kubectl describe keeps that order for events of the same
 * second, as times are stored to the second (the README tour shows AllocatedEIP before AssociatedEIP).
 */
import pino from 'pino';
import { EventRecorder } from '../../src/k8s/event-recorder.js';
import { KubeApi } from '../../src/k8s/kube-api.js';
import { ManualClock } from '../support/manual-clock.js';
import { useLocalServer } from '../kube-apiserver/local-server.js';

const local = useLocalServer();

test('events recorded in one millisecond, and in the next, list in the order they were recorded', async () => {
  const clock = new ManualClock('2026-11-30T10:00:00.000Z');
  const events = new EventRecorder(new KubeApi(local.server.kubeConfig()), clock, pino({ level: 'silent' }), 'test');
  const target = { apiVersion: 'podeip.io/v1alpha1', kind: 'EIPClaim', namespace: 'default', name: 'game-0', uid: 'uid-game-0' };
  const reasons = ['AllocatedEIP', 'AssociatedEIP', 'RetainedEIP', 'ReleasedEIP'];
  await events.record(target, 'Normal', reasons[0]!, 'first');
  await events.record(target, 'Normal', reasons[1]!, 'second');
  clock.advance(1);
  await events.record(target, 'Normal', reasons[2]!, 'third');
  await events.record(target, 'Normal', reasons[3]!, 'fourth');

  const listed = await local.core.listNamespacedEvent({ namespace: 'default' });
  expect(listed.items.map((event) => event.reason)).toEqual(reasons);
  expect(listed.items.every((event) => /^game-0\.[0-9a-f]{22}$/.test(event.metadata!.name!))).toBe(true);
});
