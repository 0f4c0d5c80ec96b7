import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { podeip, USAGE } from '../../../src/cli/podeip.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function invoke(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = { stdout: '', stderr: '' };
  const code = await podeip(argv, { stdout: (text) => (captured.stdout += text), stderr: (text) => (captured.stderr += text) });
  return { code, ...captured };
}

describe('podeip command', () => {
  test.each(['version', '--version'])('%s prints podeip and Node.js versions', async (argument) => {
    expect(await invoke(argument)).toEqual({ code: 0, stdout: `podeip ${VERSION} (node ${process.version})\n`, stderr: '' });
  });

  test.each(['--help', '-h', 'help'])('%s prints the usage to stdout and exits 0', async (argument) => {
    expect(await invoke(argument)).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' });
  });

  test('no command: usage on stderr, exit 2', async () => {
    expect(await invoke()).toEqual({ code: 2, stdout: '', stderr: `podeip: no command given\n${USAGE}\n` });
  });

  test('an unknown command: usage on stderr, exit 2', async () => {
    expect(await invoke('serve')).toEqual({ code: 2, stdout: '', stderr: `podeip: unknown command "serve"\n${USAGE}\n` });
  });

  test('the usage names every command', () => {
    for (const command of ['run', 'sandbox', 'version', 'help']) expect(USAGE).toMatch(new RegExp(`^  ${command} `, 'm'));
  });
});

describe('bin/podeip (built)', () => {
  const run = promisify(execFile);

  test('version finds package.json from dist/', async () => {
    expect(await run('bin/podeip', ['version'])).toEqual({ stdout: `podeip ${VERSION} (node ${process.version})\n`, stderr: '' });
  });

  test('a bad leader election timing is one line on stderr and exit 2', async () => {
    const failure = await run('bin/podeip', ['run', '--region=r', '--cluster-id=c', '--leader-elect-lease-duration=1s']).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'podeip run: --leader-elect-lease-duration (1s) must be greater than --leader-elect-renew-deadline (10s)\n',
    });
  });

  test('podeip run --help lists the timing flags with their defaults', async () => {
    const { stdout } = await run('bin/podeip', ['run', '--help']);
    expect(stdout).toMatch(/^ {2}--leader-elect-lease-duration string +.*\(default 15s\)$/m);
    expect(stdout).toMatch(/^ {2}--leader-elect-renew-deadline string +.*\(default 10s\)$/m);
    expect(stdout).toMatch(/^ {2}--leader-elect-retry-period string +.*\(default 2s\)$/m);
  });
});
