/**
 * A write naming metadata.uid applies only to that incarnation of the object (kubelet sends the pod's
 * uid with its status patches for this; podeip does with its pod outputs, issue 14 item 17).
 */
import { ApiException, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { useLocalServer } from './local-server.js';

describe('local API server: uid precondition', () => {
  const local = useLocalServer();

  async function recreatedPod(name: string): Promise<{ oldUid: string; newUid: string }> {
    const body = { metadata: { name }, spec: { containers: [{ name: 'app', image: 'busybox' }] } };
    const first = await local.core.createNamespacedPod({ namespace: 'default', body });
    await local.core.deleteNamespacedPod({ namespace: 'default', name, gracePeriodSeconds: 0 });
    const second = await local.core.createNamespacedPod({ namespace: 'default', body });
    return { oldUid: first.metadata!.uid!, newUid: second.metadata!.uid! };
  }

  test('a merge patch carrying the uid of a deleted pod of the same name is refused with 409 and changes nothing', async () => {
    const { oldUid, newUid } = await recreatedPod('uid-web');
    const patch = local.core.patchNamespacedPod(
      { namespace: 'default', name: 'uid-web', body: { metadata: { uid: oldUid, annotations: { 'podeip.io/public-ip': '203.0.113.9' } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const error = (await patch.catch((caught: unknown) => caught)) as ApiException<string>;
    expect(error).toBeInstanceOf(ApiException);
    expect(error.code).toBe(409);
    expect(JSON.parse(error.body).message).toBe(`Operation cannot be fulfilled on pods "uid-web": Precondition failed: UID in precondition: ${oldUid}, UID in object meta: ${newUid}`);
    expect((await local.core.readNamespacedPod({ namespace: 'default', name: 'uid-web' })).metadata!.annotations).toBeUndefined();
  });

  test('a status patch carrying the current uid applies', async () => {
    const { newUid } = await recreatedPod('uid-status');
    const condition = { type: 'podeip.io/eip-bound', status: 'True', reason: 'EIPBound', message: 'ok', lastTransitionTime: new Date() };
    const patched = await local.core.patchNamespacedPodStatus(
      { namespace: 'default', name: 'uid-status', body: { metadata: { uid: newUid }, status: { conditions: [condition] } } },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    expect(patched.status!.conditions!.map((entry) => [entry.type, entry.status])).toContainEqual(['podeip.io/eip-bound', 'True']);
  });
});
