/**
 * `make chaos`, short (issue 9 item 4): the built runner on each provider with 25 s of faults and a
 * small workload ends with every invariant at exactly 0. Seed 13 draws, in the first 12 s, a leader
 * SIGKILL, a watch drop, a pod deletion and a scaling on both providers, so each kind of fault is met.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ChaosResult } from '../../hack/chaos/chaos-run.js';

const run = promisify(execFile);
const NO_BROKEN_INVARIANT = { leakedAddresses: 0, addressesNamedByTwoClaims: 0, staticAddressesReleased: 0, claimsNotConverged: 0 };

describe('the short chaos run', () => {
  test.each(['tencent', 'alibaba'])('%s: every invariant is 0 after leader kills, watch drops, failing cloud writes, pod deletions and scaling', async (provider) => {
    const args = ['dist/hack/chaos/run.js', '--provider', provider, '--duration', '25', '--replicas', '2', '--seed', '13', '--json'];
    const { stdout } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
    const [result] = JSON.parse(stdout) as ChaosResult[];
    expect(result!.broken).toEqual({ leakedAddresses: [], addressesNamedByTwoClaims: [], staticAddressesReleased: [], claimsNotConverged: [] });
    expect(result!.invariants).toEqual(NO_BROKEN_INVARIANT);
    expect(result!.convergedAfterSeconds).not.toBeNull();
    for (const count of Object.values(result!.disruptions)) expect(count).toBeGreaterThanOrEqual(1);
  });
});
