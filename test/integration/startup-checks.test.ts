/**
 * SPEC §12 start-up checks, as processes (bin/podeip, the built dist/): each failure is exactly one
 * line on stderr and exit code 1, before podeip watches or writes anything, for run and teardown alike.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KNOWN_REGIONS } from '../../src/cli/known-regions.js';

const run = promisify(execFile);
/** A kubeconfig that loads (start-up checks do not contact the cluster). */
const KUBECONFIG = `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: c, context: {cluster: c, user: u}}]
current-context: c
`;

let home: string;
let kubeconfig: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'podeip-startup-'));
  kubeconfig = join(home, 'kubeconfig');
  await writeFile(kubeconfig, KUBECONFIG);
});
afterAll(() => rm(home, { recursive: true, force: true }));

/** bin/podeip with an empty home and no cloud or cluster settings in the environment. */
async function podeip(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = { PATH: process.env.PATH!, HOME: home, ...env };
  return run('bin/podeip', args, { env: clean }).then(
    (done) => ({ code: 0, ...done }),
    (failed: { code: number; stdout: string; stderr: string }) => ({ code: failed.code, stdout: failed.stdout, stderr: failed.stderr }),
  );
}

const TENCENT_KEYS = { TENCENTCLOUD_SECRET_ID: 'AKIDexample', TENCENTCLOUD_SECRET_KEY: 'example' };

describe.each(['run', 'teardown'])('podeip %s start-up checks', (command) => {
  test('no kubeconfig and not in a cluster', async () => {
    expect(await podeip([command, '--region=ap-guangzhou', '--cluster-id=c1'], TENCENT_KEYS)).toEqual({
      code: 1,
      stdout: '',
      stderr: `podeip ${command}: no kubeconfig: not in a cluster (no ServiceAccount token at /var/run/secrets/kubernetes.io/serviceaccount/token), $KUBECONFIG unset and ~/.kube/config missing; pass --kubeconfig\n`,
    });
  });

  test('--cluster-id left at the placeholder of config/manager/manager.yaml', async () => {
    expect(await podeip([command, '--region=ap-guangzhou', '--cluster-id=cls-replace-me', `--kubeconfig=${kubeconfig}`], TENCENT_KEYS)).toEqual({
      code: 1,
      stdout: '',
      stderr: `podeip ${command}: --cluster-id is still the placeholder "cls-replace-me": set it to an id unique per cloud account (e.g. the cluster's own id)\n`,
    });
  });

  test.each([
    ['tencent', 'ap-guangzou'],
    ['alibaba', 'ap-guangzhou'],
  ])('a region %s does not know: %s', async (provider, region) => {
    expect(await podeip([command, `--provider=${provider}`, `--region=${region}`, '--cluster-id=c1', `--kubeconfig=${kubeconfig}`], TENCENT_KEYS)).toEqual({
      code: 1,
      stdout: '',
      stderr: `podeip ${command}: --region "${region}" is not a ${provider} region; known: ${KNOWN_REGIONS[provider as 'tencent' | 'alibaba'].join(', ')}\n`,
    });
  });

  test('no Tencent Cloud credentials anywhere in the chain', async () => {
    const args = [command, '--region=ap-guangzhou', '--cluster-id=c1', `--kubeconfig=${kubeconfig}`, '--cloud-endpoint=http://127.0.0.1:9'];
    expect(await podeip(args)).toEqual({
      code: 1,
      stdout: '',
      stderr: `podeip ${command}: no tencent cloud credentials: none found in TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY, ~/.tencentcloud/credentials, a CVM role or TKE OIDC\n`,
    });
  });

  test('no Alibaba Cloud credentials anywhere in the chain', async () => {
    const args = [command, '--provider=alibaba', '--region=cn-hangzhou', '--cluster-id=c1', `--kubeconfig=${kubeconfig}`, '--cloud-endpoint=http://127.0.0.1:9'];
    const { code, stdout, stderr } = await podeip(args);
    expect({ code, stdout, lines: stderr.split('\n') }).toEqual({ code: 1, stdout: '', lines: [expect.stringMatching(new RegExp(`^podeip ${command}: no alibaba cloud credentials: unable to get credentials from any of the providers in the chain`)), ''] });
  });
});

test('the emulators\' regions are known regions', () => {
  expect(KNOWN_REGIONS.tencent).toContain('ap-guangzhou');
  expect(KNOWN_REGIONS.alibaba).toContain('cn-hangzhou');
});

test('--cluster-id is documented as unique per cloud account', async () => {
  const { stdout } = await podeip(['run', '--help']);
  expect(stdout).toMatch(/^ {2}--cluster-id string +this cluster's id, unique per cloud account, /m);
});
