import { eventually, useHarness } from './harness.js';
import { PROVIDER_ROWS } from './provider-rows.js';

describe.each(PROVIDER_ROWS)('R3 bind ($name)', (row) => {
  const world = useHarness(row);

  test('a running pod gets its address bound to its IP, recorded in the claim, and its outputs in one go', async () => {
    await world().createPod('r3-web', row.ownedRequest(), { readinessGates: ['podeip.io/eip-bound'] });
    const { claim, pod } = await world().boundClaim('r3-web');
    const address = world().address(claim.status!.addressId!)!;
    const eni = world().network.interfaceOfIp(pod.status!.podIP!)!;
    expect(address).toMatchObject({ status: row.status.bound, privateIp: pod.status!.podIP, networkInterfaceId: eni.networkInterfaceId });
    expect(claim.status).toMatchObject({
      phase: 'Bound',
      ownership: 'Owned',
      publicIP: address.publicIp,
      podUID: pod.metadata!.uid,
      privateIP: pod.status!.podIP,
      networkInterfaceId: eni.networkInterfaceId,
    });
    const byType = [...claim.status!.conditions!].sort((a, b) => a.type.localeCompare(b.type));
    expect(byType.map(({ type, status, reason }) => ({ type, status, reason }))).toEqual([
      { type: 'Allocated', status: 'True', reason: 'AddressAllocated' },
      { type: 'Bound', status: 'True', reason: 'AddressBound' },
      { type: 'Ready', status: 'True', reason: 'AddressBound' },
    ]);
    expect(pod.metadata!.annotations).toMatchObject({
      'podeip.io/public-ip': address.publicIp,
      'podeip.io/address-id': address.addressId,
      [row.publicIpAnnotation]: address.publicIp,
    });
    const ready = await eventually('pod Ready through its readiness gate', async () => {
      const current = await world().pod('r3-web');
      const conditions = current?.status?.conditions ?? [];
      const gate = conditions.find((condition) => condition.type === 'podeip.io/eip-bound');
      const podReady = conditions.find((condition) => condition.type === 'Ready');
      return gate?.status === 'True' && podReady?.status === 'True' ? conditions : undefined;
    });
    expect(ready.map((condition) => condition.type)).toEqual(expect.arrayContaining(['Ready', 'PodScheduled', 'podeip.io/eip-bound']));
    const associated = await eventually('AssociatedEIP on pod', async () => (await world().events('AssociatedEIP', 'r3-web'))[0]);
    expect(associated.message).toBe(`bound ${address.addressId} (${address.publicIp}) to ${eni.networkInterfaceId}/${pod.status!.podIP}`);
    const patchTypes = new Set(
      world().apiServer.hooks
        .requestLog()
        .filter((entry) => entry.verb === 'patch' && entry.name === 'r3-web')
        .map((entry) => `${entry.resource}${entry.subresource ? `/${entry.subresource}` : ''} ${entry.contentType}`),
    );
    expect([...patchTypes].sort()).toEqual([
      'eipclaims/status application/merge-patch+json',
      'pods application/merge-patch+json',
      'pods/status application/strategic-merge-patch+json',
    ]);
  });

  test('kubectl get eipc shows the printer columns', async () => {
    const { claim } = await world().boundClaim('r3-web');
    const table = await world().kubectl('get', 'eipc', 'r3-web');
    const [header, line] = table.trim().split('\n');
    expect(header!.split(/\s+/)).toEqual(['NAME', 'PUBLIC-IP', 'ADDRESS', 'PHASE', 'READY', 'POLICY', 'AGE']);
    expect(line!.split(/\s+/).slice(0, 6)).toEqual(['r3-web', claim.status!.publicIP, claim.status!.addressId, 'Bound', 'True', 'Delete']);
    const wide = await world().kubectl('get', 'eipc', 'r3-web', '-o', 'wide');
    expect(wide.trim().split('\n')[0]!.split(/\s+/)).toEqual(['NAME', 'PUBLIC-IP', 'ADDRESS', 'PHASE', 'READY', 'POLICY', 'AGE', 'POD-IP', 'POOL', 'REASON', 'EXPIRES']);
  });
});
