import { execFile } from 'node:child_process';
import { eventually, useHarness } from './harness.js';
import { PROVIDER_ROWS } from './provider-rows.js';

const MINUTE = 60_000;

function runCli(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bin/podeip', args, (error, _stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr }));
  });
}

describe.each(PROVIDER_ROWS)('R6 expiry ($name)', (row) => {
  const world = useHarness(row, { controller: { claimExpiredMs: 10 * MINUTE } });

  test('a retained address is released once --claim-expired-duration has passed with no pod of its name', async () => {
    await world().createPod('r6-web', row.ownedRequest({ keep: true }));
    const { claim } = await world().boundClaim('r6-web');
    const addressId = claim.status!.addressId!;
    await world().deletePod('r6-web');
    const retained = await eventually('claim Retained', async () => {
      const current = await world().claim('r6-web');
      return current?.status?.phase === 'Retained' ? current : undefined;
    });
    const goneAt = Date.parse(retained.status!.podGoneAt!);
    expect(Date.parse(retained.status!.expiresAt!) - goneAt).toBe(10 * MINUTE);

    world().clock.advance(9 * MINUTE);
    await eventually('a reconcile after the first jump', async () => (await world().claim('r6-web'))?.status?.phase === 'Retained');
    expect(world().address(addressId)).toMatchObject({ status: row.status.available });

    world().clock.advance(2 * MINUTE);
    await eventually('claim r6-web gone', async () => (await world().claim('r6-web')) === undefined);
    await eventually('address released', () => world().address(addressId) === undefined);
    const expired = (await world().events('ExpiredEIP', 'r6-web'))[0]!;
    expect(expired.message).toBe(`no pod of this name since ${retained.status!.podGoneAt}; releasing ${addressId}`);
  });

  test('--claim-expired-duration under 5m is refused at start-up with exit code 2', async () => {
    const { code, stderr } = await runCli(['run', `--provider=${row.name}`, '--region=r', '--cluster-id=c', '--claim-expired-duration=4m']);
    expect(code).toBe(2);
    expect(stderr).toBe('podeip run: --claim-expired-duration must be at least 5m, got "4m"\n');
  });

  test('an unreadable --kubeconfig is refused the same way', async () => {
    const { code, stderr } = await runCli(['run', '--region=r', '--cluster-id=c', '--kubeconfig=/nonexistent/kubeconfig']);
    expect(code).toBe(2);
    expect(stderr).toBe("podeip run: cannot load the kubeconfig /nonexistent/kubeconfig: ENOENT: no such file or directory, open '/nonexistent/kubeconfig'\n");
  });
});
