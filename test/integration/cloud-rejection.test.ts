import { eventually, useHarness } from './harness.js';
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
    expect(ready).toMatchObject({ status: 'False', reason: 'CloudRequestRejected', message: failed.message });
    expect(world().calls(row.allocateAction)).toBe(1);
  });
});
