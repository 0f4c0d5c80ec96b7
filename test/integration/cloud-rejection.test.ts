import { eventually, NAMESPACE, useHarness } from './harness.js';

const MINUTE = 60_000;
import { PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS.filter((row) => row.unauthorizedCode))('a request the cloud rejects ($name)', (row) => {
  const world = useHarness(row);

  test('gets a FailedAllocateEIP Warning with the code and request id, and Ready=False on the claim', async () => {
    world().cloud.admin.setFault({ action: row.allocateAction, errorCode: row.unauthorizedCode!, errorMessage: 'you are not authorized' });
    await world().createPod('denied', row.ownedRequest(), { nodeName: 'node-elsewhere' });
    const failed = await eventually('FailedAllocateEIP on the pod', async () => (await world().events('FailedAllocateEIP', 'denied')).find((event) => event.involvedObject.kind === 'Pod'));
    expect(failed.type).toBe('Warning');
    expect(failed.message).toMatch(new RegExp(`^${row.allocateAction} failed: Code=${row.unauthorizedCode}, Message="you are not authorized", RequestId=[0-9a-f-]{8,}$`));
    const ready = await eventually('claim Ready=False', async () => (await world().claim('denied'))?.status?.conditions?.find((condition) => condition.type === 'Ready'));
    // The condition leaves out the request id (new on every try), so it changes only when the failure does.
    expect(ready).toMatchObject({ status: 'False', reason: 'CloudRequestRejected', message: failed.message!.replace(/, RequestId=.*$/, '') });
    expect(world().calls(row.allocateAction)).toBe(1);
  });

  test('is not retried on an unrelated pod change (labels, another controller\'s annotation), is retried at once when its own annotations change, and again 5 min later', async () => {
    const tried = (times: number) => eventually(`allocate tried ${times} times`, () => world().calls(row.allocateAction) === times);
    const syncs = () => world().calls(row.describeAction);
    const patchPod = (path: string, value: unknown) =>
      world().core.patchNamespacedPod({ namespace: NAMESPACE, name: 'denied', body: [{ op: 'add', path, value }] });

    await patchPod('/metadata/labels', { touched: 'yes' });
    // Another controller's annotation is not podeip's input (issue 14 item 14): the hold stays.
    await patchPod('/metadata/annotations/other.example.com~1note', 'written by someone else');
    const before = syncs();
    world().clock.advance(4 * MINUTE);
    await eventually('a sync, which re-queues every claim', () => syncs() > before);
    expect(world().calls(row.allocateAction)).toBe(1);

    await patchPod('/metadata/annotations', { ...row.ownedRequest({ keep: true }), 'other.example.com/note': 'written by someone else' });
    await tried(2);
    // The hold starts when the reconcile that made the second call records the refusal, a moment after the call:
    // step the clock a minute at a time until the third try. Five steps at least, whenever the hold began.
    let minutes = 0;
    await eventually('tried again once the hold is over', () => {
      if (world().calls(row.allocateAction) === 3) return true;
      world().clock.advance(MINUTE);
      minutes += 1;
      return false;
    });
    expect(minutes).toBeGreaterThanOrEqual(5);
    world().cloud.admin.clearFaults();
  });
});
