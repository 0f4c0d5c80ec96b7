import { eventually, useHarness } from './harness.js';
import { actionOf, PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS)('bad input, SPEC 3.4 ($name)', (row) => {
  const world = useHarness(row);

  test('a malformed request gets an InvalidEIPRequest Warning on the pod, a claim and a pod condition that say why, and no cloud call', async () => {
    await world().createPod('bad-json', row.malformedRequest());
    const warning = await eventually('InvalidEIPRequest', async () => (await world().events('InvalidEIPRequest', 'bad-json'))[0]);
    expect(warning.type).toBe('Warning');
    expect(warning.involvedObject.kind).toBe('Pod');
    expect(warning.message).toBe(row.malformedMessage);
    const claim = await eventually('claim shows the problem', async () => {
      const current = await world().claim('bad-json');
      return current?.status?.phase ? current : undefined;
    });
    expect(claim.status!.phase).toBe('Pending');
    expect(claim.status!.conditions!.find((condition) => condition.type === 'Ready')).toMatchObject({ status: 'False', reason: 'InvalidRequest', message: row.malformedMessage });
    const pod = await world().pod('bad-json');
    expect(pod!.status!.conditions!.find((condition) => condition.type === 'podeip.io/eip-bound')).toMatchObject({ status: 'False', reason: 'InvalidRequest' });
    expect(await world().kubectl('get', 'eipc', 'bad-json', '--no-headers')).toMatch(/^bad-json\s+Pending\s+False\s+Delete\s/);
    expect(world().calls(row.allocateAction)).toBe(0);

    await world().deletePod('bad-json');
    await eventually('claim gone with the pod', async () => (await world().claim('bad-json')) === undefined);
  });

  test('a typo on a bound pod releases nothing, marks the claim, and fixing it resumes', async () => {
    const annotations = row.ownedRequest();
    await world().createPod('typo', annotations);
    const { claim } = await world().boundClaim('typo');
    const pointer = `/metadata/annotations/${row.typo.annotation.replace('/', '~1')}`;
    await world().core.patchNamespacedPod({ namespace: 'default', name: 'typo', body: [{ op: 'add', path: pointer, value: row.typo.value }] });
    const marked = await eventually('claim marked InvalidRequest', async () => {
      const current = await world().claim('typo');
      const ready = current?.status?.conditions?.find((condition) => condition.type === 'Ready');
      return ready?.reason === 'InvalidRequest' ? ready : undefined;
    });
    expect(marked).toMatchObject({ status: 'False', message: row.typo.message });
    // The address still works: a typo does not take the pod out of service through its readiness gate.
    const gate = (await world().pod('typo'))!.status!.conditions!.find((condition) => condition.type === 'podeip.io/eip-bound');
    expect(gate?.status).toBe('True');
    expect(world().address(claim.status!.addressId!)).toMatchObject({ status: row.status.bound });
    expect(world().calls(actionOf(row, 'release'))).toBe(0);

    const restore = annotations[row.typo.annotation];
    const fix = restore === undefined ? { op: 'remove', path: pointer } : { op: 'replace', path: pointer, value: restore };
    await world().core.patchNamespacedPod({ namespace: 'default', name: 'typo', body: [fix] });
    await eventually('Ready again', async () => {
      const ready = (await world().claim('typo'))?.status?.conditions?.find((condition) => condition.type === 'Ready');
      return ready?.status === 'True';
    });
  });
});
