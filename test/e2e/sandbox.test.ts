/**
 * `podeip sandbox` end to end, as a user runs it: the built CLI as a child process, then kubectl
 * against the kubeconfig it writes (SPEC §9; issue "Run it like a product", Done when).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { kubectl, waitFor } from '../support/processes.js';

const CLI = resolve('bin/podeip');

interface Ready {
  kubeconfig: string;
  apiServer: string;
  provider: string;
  cloudEndpoint: string;
  cloudAdmin: string;
  metrics: string;
}

interface ClaimJson {
  metadata: { name: string; namespace: string };
  status?: { publicIP?: string; addressId?: string; phase?: string };
}

const PUBLIC_IP_ANNOTATION = {
  tencent: 'tke.cloud.tencent.com/eip-public-ip',
  alibaba: 'k8s.aliyun.com/allocated-eipAddress',
} as const;

describe.each(['tencent', 'alibaba'] as const)('podeip sandbox --provider %s', (provider) => {
  let dir: string;
  let child: ChildProcess;
  let output = '';
  let exit: Promise<number | null>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podeip-sandbox-'));
    await writeFile(join(dir, 'controller.log'), 'a line from an earlier run\n');
    child = spawn(CLI, ['sandbox', `--provider=${provider}`, '--kubeconfig', join(dir, 'kubeconfig'), '--ready-file', join(dir, 'ready.json')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    exit = new Promise((done) => child.once('exit', (code) => done(code)));
  }, 10_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  const readReady = () => {
    if (child.exitCode !== null) throw new Error(`podeip sandbox exited with ${child.exitCode}:\n${output}`);
    return readReadyFile(join(dir, 'ready.json'), () => output);
  };

  it('writes the ready file with every URL of the contract', async () => {
    const ready = await readReady();
    expect(Object.keys(ready).sort()).toEqual(['apiServer', 'cloudAdmin', 'cloudEndpoint', 'kubeconfig', 'metrics', 'provider']);
    expect(ready.provider).toBe(provider);
    expect(ready.kubeconfig).toBe(join(dir, 'kubeconfig'));
    for (const url of [ready.apiServer, ready.cloudEndpoint, ready.cloudAdmin, ready.metrics]) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
  }, 60_000);

  it('gives every demo pod that asks for an EIP a claim with a public IP, shown on the pod too', async () => {
    const kubeconfig = join(dir, 'kubeconfig');
    const claims = await waitFor(async () => {
      const list = JSON.parse(await kubectl(kubeconfig, ['get', 'eipc', '-A', '-o', 'json'])) as { items: ClaimJson[] };
      const bound = list.items.filter((claim) => claim.status?.phase === 'Bound' && claim.status.publicIP);
      return bound.length >= 2 && bound.length === list.items.length ? list.items : undefined;
    }, 60_000, 'claims of the demo pods to be Bound', 250, () => output);
    for (const claim of claims) {
      const jsonPath = `{.metadata.annotations.${PUBLIC_IP_ANNOTATION[provider].replace(/\./g, '\\.')}}`;
      const shown = await kubectl(kubeconfig, ['get', 'pod', claim.metadata.name, '-n', claim.metadata.namespace, '-o', `jsonpath=${jsonPath}`]);
      expect(shown).toBe(claim.status!.publicIP);
    }
    for (const claim of claims.filter((bound) => bound.metadata.name.startsWith('game-'))) {
      const line = new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ  default/${claim.metadata.name} public-ip=${claim.status!.publicIP!.replace(/\./g, '\\.')} address=${claim.status!.addressId} phase=Bound ready=True pod-ip=10\\.[\\d.]+$`, 'm');
      await waitFor(async () => line.test(output) || undefined, 30_000, `a timestamped line for ${claim.metadata.name} on stdout`, 100, () => output);
    }
    const table = await kubectl(kubeconfig, ['get', 'eipc', '-A']);
    expect(table.split('\n')[0]).toMatch(/NAMESPACE\s+NAME\s+PUBLIC-IP\s+ADDRESS\s+PHASE\s+READY\s+POLICY\s+AGE/);
    expect(table).toContain(claims[0]!.status!.publicIP!);
  }, 90_000);

  it('stops cleanly on Ctrl-C and leaves nothing listening', async () => {
    const ready = await readReady();
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    for (const url of [ready.apiServer, ready.cloudEndpoint, ready.metrics]) expect(await isListening(new URL(url))).toBe(false);
    await expect(access(join(dir, 'ready.json'))).rejects.toThrow('ENOENT');
    await expect(access(join(dir, 'sandbox.pid'))).rejects.toThrow('ENOENT');
    const log = await readFile(join(dir, 'controller.log'), 'utf8');
    expect(log).not.toContain('earlier run');
    expect(log.split('\n')[0]).toContain('"msg":"podeip started"');
  }, 40_000);
});

async function readReadyFile(path: string, output: () => string): Promise<Ready> {
  return waitFor(async () => JSON.parse(await readFile(path, 'utf8').catch(() => 'null')) as Ready | null ?? undefined, 50_000, `ready file ${path}`, 100, output);
}

function isListening(url: URL): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}
