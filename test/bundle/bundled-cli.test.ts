/**
 * The image's payload exactly as the Dockerfile's last stage runs it: `node podeip.mjs run` from a
 * read-only working directory holding only the bundle and package.json, as a non-root user, with no
 * node_modules anywhere above it. It must serve a pod against the local API server and cloud emulator.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../manifests/config-tree.js';
import { CLUSTER_ID, eventually, Harness } from '../integration/harness.js';
import { TENCENT_ROW } from '../integration/provider-rows.js';

const BUNDLE_DIR = join(REPO_ROOT, 'dist/bundle');
const NOBODY = 65534;

/** A directory like the image's /app: the bundle, package.json and a kubeconfig, all read-only. */
function readOnlyWorkingDirectory(kubeconfig: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'podeip-image-'));
  for (const file of ['podeip.mjs', 'podeip.mjs.LEGAL.txt']) copyFileSync(join(BUNDLE_DIR, file), join(dir, file));
  copyFileSync(join(REPO_ROOT, 'package.json'), join(dir, 'package.json'));
  writeFileSync(join(dir, 'kubeconfig'), kubeconfig, { mode: 0o444 });
  chmodSync(dir, 0o555);
  return dir;
}

function asNobody(command: string[], cwd: string, env: Record<string, string>): ChildProcess {
  const setpriv = ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', '--'];
  return spawn('setpriv', [...setpriv, ...command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('the bundled CLI, run as the image runs it', () => {
  let world: Harness;
  let workdir: string;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    if (!existsSync(join(BUNDLE_DIR, 'podeip.mjs'))) throw new Error('dist/bundle/podeip.mjs is missing: run make bundle');
    world = await Harness.start(TENCENT_ROW, { inProcessController: false });
    workdir = readOnlyWorkingDirectory(world.controllerKubeConfig.exportConfig());
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await world?.close();
    if (workdir) rmSync(workdir, { recursive: true, force: true });
  });

  test('asked for the sandbox, which it does not ship, it says so in one line and exits 1', async () => {
    const sandbox = asNobody(['node', 'podeip.mjs', 'sandbox'], workdir, { PATH: process.env.PATH! });
    let stderr = '';
    sandbox.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(sandbox)).toBe(1);
    expect(stderr).toBe('podeip: the sandbox is not part of this build (the image ships the controller only); run it from a checkout with make sandbox\n');
  });

  test('its working directory is not writable by the user it runs as', async () => {
    const touch = asNobody(['touch', 'written'], workdir, { PATH: process.env.PATH! });
    expect(await exitOf(touch)).toBe(1);
    expect(existsSync(join(workdir, 'written'))).toBe(false);
  });

  test('binds a claim as a non-root user, then exits 0 on SIGTERM', async () => {
    const env = { PATH: process.env.PATH!, NODE_ENV: 'production', ...TENCENT_ROW.credentialsEnv };
    child = asNobody(
      [
        process.execPath,
        'podeip.mjs',
        'run',
        '--provider=tencent',
        `--region=${TENCENT_ROW.region}`,
        `--cluster-id=${CLUSTER_ID}`,
        '--kubeconfig=kubeconfig',
        `--cloud-endpoint=${world.cloud.endpoint}`,
        '--metrics-bind-address=127.0.0.1:0',
        '--health-probe-bind-address=127.0.0.1:0',
        '--graceful-shutdown-timeout=2s',
      ],
      workdir,
      env,
    );
    const exited = exitOf(child);
    let logs = '';
    child.stdout!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    await eventually('the "podeip started" log line', () => {
      if (child!.exitCode !== null) throw new Error(`podeip exited with ${child!.exitCode}: ${logs}`);
      return logs.split('\n').find((line) => line.includes('"podeip started"'));
    });
    expect(readFileSync(`/proc/${child.pid}/status`, 'utf8')).toMatch(new RegExp(`^Uid:\\s+${NOBODY}\\s`, 'm'));

    await world.createPod('bundled-web', TENCENT_ROW.ownedRequest());
    const { claim, pod } = await world.boundClaim('bundled-web');
    expect([claim.status?.phase, pod.metadata?.annotations?.['podeip.io/public-ip']]).toEqual(['Bound', claim.status?.publicIP]);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
