import { type ChildProcess, spawn } from 'node:child_process';
import { CLUSTER_ID, eventually, Harness } from './harness.js';
import { TENCENT_ROW } from './provider-rows.js';

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('podeip run as a process', () => {
  let world: Harness;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    world = await Harness.start(TENCENT_ROW, { inProcessController: false });
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await world?.close();
  });

  test('serves pods from the command line and exits 0 on SIGTERM', async () => {
    child = spawn(
      'bin/podeip',
      [
        'run',
        '--provider=tencent',
        `--region=${TENCENT_ROW.region}`,
        `--cluster-id=${CLUSTER_ID}`,
        `--kubeconfig=${world.controllerKubeconfigPath}`,
        `--cloud-endpoint=${world.cloud.endpoint}`,
        '--metrics-bind-address=127.0.0.1:0',
        '--health-probe-bind-address=127.0.0.1:0',
        '--graceful-shutdown-timeout=2s',
      ],
      { env: { ...process.env, ...TENCENT_ROW.credentialsEnv }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = exitOf(child);
    let logs = '';
    child.stdout!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    const started = await eventually('started log line', () => logs.split('\n').find((line) => line.includes('"podeip started"')));
    expect(JSON.parse(started)).toMatchObject({ level: 30, provider: 'tencent', clusterId: CLUSTER_ID });
    expect(logs).not.toContain(TENCENT_ROW.credentialsEnv.TENCENTCLOUD_SECRET_KEY!);

    await world.createPod('cli-web', TENCENT_ROW.ownedRequest());
    await world.boundClaim('cli-web');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(logs).toContain('"shutting down"');
  });
});
