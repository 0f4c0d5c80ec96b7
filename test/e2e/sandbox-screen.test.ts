/**
 * `podeip sandbox` on a terminal (issue 15 items 1, 2): the built CLI runs in a tmux pane, the test
 * reads the screen back (capture-pane) and acts with kubectl as a user in another terminal would.
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from '../integration/harness.js';
import { kubectl } from '../support/processes.js';

const run = promisify(execFile);
const CLI = resolve('bin/podeip');
const SOCKET = `podeip-screen-${process.pid}`;
const tmux = async (...args: string[]) => (await run('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args])).stdout;
/** The visible screen, or with history the whole scrollback too. */
const screen = async (history = false) => (await tmux('capture-pane', '-p', '-t', 'sandbox', ...(history ? ['-S', '-'] : []))).split('\n');

const HEADER = /^NAMESPACE {3}NAME {5,}PUBLIC-IP {5,}ADDRESS {4,}PHASE {3,}READY {3}POD-IP {4,}AGE$/;
const boundRow = (name: string) => new RegExp(`^default {5}${name} +\\d+\\.\\d+\\.\\d+\\.\\d+ +eip-[a-z0-9]{8} +Bound +True +10\\.\\d+\\.\\d+\\.\\d+ +\\d+s$`);

describe('podeip sandbox on a terminal', () => {
  let dir: string;
  let kubeconfig: string;
  const sandboxArgs = () => ['sandbox', '--kubeconfig', kubeconfig, '--ready-file', join(dir, 'ready.json')];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podeip-screen-'));
    kubeconfig = join(dir, 'kubeconfig');
    await tmux('new-session', '-d', '-s', 'sandbox', '-x', '160', '-y', '50', '-c', process.cwd(), ['exec', CLI, ...sandboxArgs()].join(' '));
  });

  afterAll(async () => {
    await tmux('kill-server').catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('redraws one aligned table in place under a header that stays, with a summary line', async () => {
    const lines = await eventually('game-0 and game-1 bound on the screen', async () => {
      const shown = await screen();
      return shown.some((line) => boundRow('game-0').test(line)) && shown.some((line) => boundRow('game-1').test(line)) ? shown : undefined;
    });
    expect(lines[0]).toMatch(/^podeip sandbox \(tencent\) — API server http:\/\/127\.0\.0\.1:\d+, cloud emulator http:\/\/127\.0\.0\.1:\d+$/);
    const header = lines.findIndex((line) => HEADER.test(line));
    const rows = lines.slice(header + 1, lines.indexOf('', header));
    expect(rows.map((line) => line.split(/ +/)[1])).toEqual(rows.map((line) => line.split(/ +/)[1]).sort());
    const summary = lines[header + rows.length + 2]!;
    expect(summary).toMatch(/^pods asking for an EIP: \d+   claims: (\d+ (Pending|Allocated|Bound|Retained|Releasing)(, )?)+   public IPs bound: \d+   cloud calls: [1-9]\d*$/);
    const boundRows = rows.filter((line) => / Bound /.test(line) && /\d+\.\d+\.\d+\.\d+/.test(line)).length;
    expect(summary).toContain(`public IPs bound: ${boundRows}`);
    const columnsOf = (line: string) => [line.indexOf('Bound'), line.indexOf('True'), line.lastIndexOf(' ') + 1];
    const headerColumns = [lines[header]!.indexOf('PHASE'), lines[header]!.indexOf('READY'), lines[header]!.indexOf('AGE')];
    for (const row of rows.filter((line) => /^default {5}game-[01] /.test(line))) expect(columnsOf(row)).toEqual(headerColumns);
    const ageOfGame0 = (text: string[]) => text.find((line) => boundRow('game-0').test(line))?.split(' ').pop();
    const before = ageOfGame0(lines);
    await eventually('a later redraw', async () => ageOfGame0(await screen()) !== before);
    const history = await screen(true);
    expect(history.filter((line) => HEADER.test(line))).toHaveLength(1);
    expect(history.filter((line) => line.startsWith('podeip sandbox (tencent)'))).toHaveLength(1);
  });

  it('shows the latest Warning events with their reasons, once for pod and claim', async () => {
    await kubectl(kubeconfig, ['run', 'ghost', '--image=nginx:1.27', '--annotations=tke.cloud.tencent.com/eip-id-list=eip-0000dead']);
    const lines = await eventually('the AddressNotFound warning on the screen', async () => {
      const shown = await screen();
      return shown.some((line) => line.includes('pod/ghost') && line.includes('AddressNotFound')) ? shown : undefined;
    });
    const warnings = lines.slice(lines.indexOf('LATEST WARNINGS') + 1);
    expect(warnings[0]).toMatch(/^AGE +OBJECT +REASON +MESSAGE$/);
    expect(warnings.filter((line) => line.includes('AddressNotFound'))).toEqual([expect.stringMatching(/^\d+s +pod\/ghost +AddressNotFound +static address eip-0000dead does not exist$/)]);
    expect(lines.find((line) => line.startsWith('default     ghost'))).toMatch(/^default {5}ghost +- +- +Pending +False +10\.\d+\.\d+\.\d+ +\d+s$/);
  });

  it('keeps a line for a claim that was deleted, naming the released address', async () => {
    const claim = JSON.parse(await kubectl(kubeconfig, ['get', 'eipc', 'game-1', '-o', 'json'])) as { status: { addressId: string; publicIP: string } };
    await kubectl(kubeconfig, ['delete', 'eipc', 'game-1']);
    const lines = await eventually('the release on the screen', async () => {
      const shown = await screen();
      return shown.includes('RELEASED') ? shown : undefined;
    });
    expect(lines[lines.indexOf('RELEASED') + 1]).toBe(`claim default/game-1 gone: address ${claim.status.addressId} (${claim.status.publicIP}) released`);
  });

  it('a second sandbox in the same folder refuses with one line and leaves the first one\'s kubeconfig alone', async () => {
    const kubeconfigBefore = await readFile(kubeconfig, 'utf8');
    const second = spawn(CLI, sandboxArgs(), { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    second.stdout.on('data', (chunk) => (stdout += chunk));
    second.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((done) => second.once('close', done));
    const sandboxPid = Number(await tmux('display-message', '-p', '-t', 'sandbox', '#{pane_pid}'));
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(`podeip sandbox: another sandbox (pid ${sandboxPid}) is running in ${dir}; stop it first, or give this one its own --kubeconfig and --ready-file\n`);
    expect(await readFile(kubeconfig, 'utf8')).toBe(kubeconfigBefore);
  });

  it('killed with SIGKILL, it leaves no podeip run process behind', async () => {
    const sandboxPid = Number(await tmux('display-message', '-p', '-t', 'sandbox', '#{pane_pid}'));
    const [controllerPid] = (await run('ps', ['-o', 'pid=', '--ppid', String(sandboxPid)])).stdout.trim().split(/\s+/).map(Number);
    expect(await readFile(`/proc/${controllerPid}/cmdline`, 'utf8')).toContain('\0run\0');
    process.kill(sandboxPid, 'SIGKILL');
    await eventually(`controller process ${controllerPid} gone`, () => !isRunning(controllerPid!));
  });
});

/** A zombie waiting for init to reap it has stopped running. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
