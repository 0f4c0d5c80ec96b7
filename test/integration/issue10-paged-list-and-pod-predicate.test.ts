/**
 * Issue 10, item 1: podeip lists pods in pages (`limit`/`continue`) and a pod that neither asks for
 * an address nor has a claim never reaches the work queue.
 */
import { PAGE_SIZE } from '../../src/k8s/paged-list.js';
import { realisticPod } from '../../hack/bench/realistic-pod.js';
import { eventually, NAMESPACE, useHarness } from './harness.js';
import { TENCENT_ROW } from './provider-rows.js';

const PLAIN_PODS = 2 * PAGE_SIZE + 17;

describe('paged pod lists and the pod predicate', () => {
  const world = useHarness(TENCENT_ROW, { inProcessController: false });

  const queueAdds = async () => (await world().controller!.metrics.registry.getSingleMetric('workqueue_adds_total')!.get()).values.find((value) => value.labels.name === 'eipclaim')?.value ?? 0;

  beforeAll(async () => {
    const pods = Array.from({ length: PLAIN_PODS }, (_, index) => podNamed(plainName(index), {}, index));
    world().apiServer.hooks.seedObjects('/pods', pods);
    world().apiServer.hooks.clearRequestLog();
    await world().startController();
  });

  test('the first list of pods comes in pages of PAGE_SIZE, each continuing the one before', async () => {
    const lists = world()
      .controllerCalls()
      .filter((entry) => entry.verb === 'list' && entry.path === '/api/v1/pods')
      .map((entry) => new URLSearchParams(entry.query));
    expect(lists.map((query) => query.get('limit'))).toEqual([String(PAGE_SIZE), String(PAGE_SIZE), String(PAGE_SIZE)]);
    expect(lists.map((query) => query.has('continue'))).toEqual([false, true, true]);
  });

  test('changes to pods that ask for nothing are not enqueued; a pod that asks is', async () => {
    expect(await queueAdds()).toBe(0);
    for (const index of [0, 1, PLAIN_PODS - 1]) {
      await world().core.patchNamespacedPod({ namespace: NAMESPACE, name: plainName(index), body: [{ op: 'add', path: '/metadata/labels/touched', value: 'yes' }] });
    }
    await world().core.deleteNamespacedPod({ namespace: NAMESPACE, name: plainName(2), gracePeriodSeconds: 0 });
    // A finished pod that asks: enqueued once, and its reconcile writes nothing that would enqueue it again.
    // The watch delivers in order, so once it is enqueued every change above has been seen.
    const finished = podNamed('finished-asking', TENCENT_ROW.ownedRequest());
    world().apiServer.hooks.seedObjects('/pods', [{ ...finished, status: { ...finished.status, phase: 'Succeeded' } }]);
    await eventually('the asking pod enqueued', async () => (await queueAdds()) > 0);
    expect(await queueAdds()).toBe(1);
  });
});

const plainName = (index: number) => `web-5c8d7f9b4-${index}`;

function podNamed(name: string, annotations: Record<string, string>, index = 0) {
  return realisticPod({ namespace: NAMESPACE, name, uid: `uid-${name}`, nodeName: 'elsewhere', hostIp: '10.250.0.1', podIp: `10.200.${index >> 8}.${index & 255}`, annotations });
}
