import { pino } from 'pino';
import { FINALIZER } from '../../src/k8s/eipclaim.js';
import { eventually, useHarness } from './harness.js';
import { conditionWithReason, reconciles } from './lifecycle-steps.js';
import { actionOf, PROVIDER_ROWS } from './provider-rows.js';

const MINUTE = 60_000;
/** A refusal each provider classifies as auth: never retried by itself, so only a person can end it. */
const PERMISSION_DENIED: Record<string, string> = { tencent: 'UnauthorizedOperation', alibaba: 'Forbidden.RAM' };

describe.each(PROVIDER_ROWS)('R4 a release the cloud refuses for good is visible ($name)', (row) => {
  const world = useHarness(row);
  const release = actionOf(row, 'release');
  const code = PERMISSION_DENIED[row.name]!;

  test('FailedReleaseEIP with code and request id, a warn log line, Ready=False ReleaseFailed on the claim kept by its finalizer, no retry for 5 min; the release finishes once allowed', async () => {
    const warnings: Array<Record<string, unknown>> = [];
    await world().stopController();
    await world().startController({ logger: pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) }) });
    await world().createPod('refused', row.ownedRequest());
    const { claim } = await world().boundClaim('refused');
    const addressId = claim.status!.addressId!;
    world().cloud.admin.setFault({ action: release, errorCode: code, errorMessage: 'you may not release addresses' });
    await world().deletePod('refused');

    const failed = await eventually('FailedReleaseEIP', async () => (await world().events('FailedReleaseEIP', 'refused'))[0]);
    expect(failed.type).toBe('Warning');
    expect(failed.message).toMatch(new RegExp(`^${release} failed: Code=${code.replace('.', '\\.')}, Message="you may not release addresses", RequestId=[0-9A-Za-z-]{8,}$`));
    const ready = await conditionWithReason(world(), 'refused', 'Ready', 'ReleaseFailed');
    const reconciledBefore = await reconciles(world());
    await world().controller!.syncCloud();
    await eventually('the claim reconciled again (the cloud sync re-queues it)', async () => (await reconciles(world())) > reconciledBefore);
    expect(world().calls(release)).toBe(1);
    // The condition leaves out the request id, new on every try, so that it changes only when the failure does.
    expect(ready).toMatchObject({ status: 'False', message: failed.message!.replace(/, RequestId=.*$/, '') });
    const kept = (await world().claim('refused'))!;
    expect(kept.metadata.deletionTimestamp).toBeDefined();
    expect(kept.metadata.finalizers).toEqual([FINALIZER]);
    expect(world().address(addressId)).toMatchObject({ status: row.status.available });
    const requestId = /RequestId=(.+)$/.exec(failed.message!)![1];
    expect(warnings).toContainEqual(
      expect.objectContaining({ level: 40, msg: 'the cloud refused to release the address; the claim keeps its finalizer', action: release, code, requestId, addressId }),
    );

    world().cloud.admin.clearFaults(release);
    world().clock.advance(5 * MINUTE);
    await eventually('claim refused gone', async () => (await world().claim('refused')) === undefined);
    expect(world().address(addressId)).toBeUndefined();
    expect((await world().events('ReleasedEIP', 'refused')).map((event) => event.message)).toEqual([`released ${addressId}`]);
  });
});
