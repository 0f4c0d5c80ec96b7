/**
 * The README's kubectl tour, run line by line against a sandbox (issue 15 item 3): the commands and
 * the output they must print are read from the README itself, so the doc and the product cannot
 * drift. In the README's console block, `$ ` starts a command and the lines up to the next command
 * are its output; `...` stands for any lines; addresses, ids and ages may differ from run to run.
 * A command ending in `&` runs in the background; its output is checked before the `kill %N` that stops it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventually } from '../integration/harness.js';
import { kubectl } from '../support/processes.js';

const CLI = resolve('bin/podeip');
/** A command line ending in `&` (not `&&`), before any comment. */
const BACKGROUND = /(?<!&)&\s*(#.*)?$/;
const README = readFileSync('README.md', 'utf8');

interface Step {
  command: string;
  output: string[];
}

/** The first console block after the tour's heading. */
function tourSteps(readme: string): Step[] {
  const section = readme.slice(readme.indexOf('### A kubectl tour of the sandbox'));
  const block = /```console\n([\s\S]*?)```/.exec(section)![1]!;
  const steps: Step[] = [];
  for (const line of block.split('\n').slice(0, -1)) {
    if (line.startsWith('$ ')) steps.push({ command: line.slice(2), output: [] });
    else steps.at(-1)!.output.push(line);
  }
  return steps;
}

/** What may differ between runs: public and private IPs, address and ENI ids, ages, column padding. */
function normalized(line: string): string {
  return line
    .replace(/\b\d{1,3}(\.\d{1,3}){3}\b/g, '<ip>')
    .replace(/\beip-[a-z0-9]+\b/g, '<eip>')
    .replace(/\beni-[a-z0-9]+\b/g, '<eni>')
    .split(/\s+/)
    .map((word) => (/^\d+[smhd](\d+[smh])?$/.test(word) ? '<age>' : word))
    .join(' ')
    .trim();
}

/** The output matches when its lines are the expected ones, or contain them in order where `...` stands for any lines. */
function matches(expected: string[], actual: string[]): boolean {
  const want = expected.map(normalized);
  const got = actual.map(normalized).filter((line, index, all) => line !== '' || index < all.length - 1);
  if (!want.includes('...')) return want.join('\n') === got.join('\n');
  let at = 0;
  for (const line of want.filter((line) => line !== '...')) {
    at = got.indexOf(line, at);
    if (at === -1) return false;
    at += 1;
  }
  return true;
}

/** One bash for the whole tour, as a user's terminal: exports and functions carry over. */
class Shell {
  private readonly bash: ChildProcessWithoutNullStreams;
  private stdout = '';

  constructor(cwd: string) {
    this.bash = spawn('bash', ['--norc'], { cwd, env: { ...process.env, KUBECONFIG: '' } });
    this.bash.stdout.on('data', (chunk) => (this.stdout += chunk));
    // bash's own notices (a background job terminated) are not a command's output.
    this.bash.stderr.resume();
  }

  /** Runs a command line; its stdout and stderr together, and its exit code. */
  async run(command: string): Promise<{ output: string[]; code: number }> {
    const marker = `__tour_${Date.now()}__`;
    this.stdout = '';
    this.bash.stdin.write(`{ ${command}\n} 2>&1; echo "${marker} $?"\n`);
    const done = await eventually(`"${command}" to finish`, () => new RegExp(`${marker} (\\d+)\\n`).exec(this.stdout) ?? undefined);
    return { output: this.stdout.slice(0, done.index).split('\n').slice(0, -1), code: Number(done[1]) };
  }

  close(): void {
    this.bash.kill('SIGKILL');
  }
}

describe('the README tour of the sandbox', () => {
  let dir: string;
  let sandbox: ChildProcessWithoutNullStreams;
  let shell: Shell;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podeip-tour-'));
    sandbox = spawn(CLI, ['sandbox'], { cwd: dir });
    sandbox.stdout.resume();
    sandbox.stderr.resume();
    // The README's precondition: the live view shows game-0 and game-1 Bound.
    await eventually('the demo bound', async () => {
      const kubeconfig = join(dir, '.sandbox/kubeconfig');
      await readFile(join(dir, '.sandbox/ready.json'));
      const claims = JSON.parse(await kubectl(kubeconfig, ['get', 'eipc', 'game-0', 'game-1', '-o', 'json'])) as { items: Array<{ status?: { phase?: string } }> };
      return claims.items.length === 2 && claims.items.every((claim) => claim.status?.phase === 'Bound');
    });
    shell = new Shell(dir);
  });

  afterAll(async () => {
    shell?.close();
    sandbox.kill('SIGINT');
    await new Promise((done) => sandbox.once('exit', done));
    await rm(dir, { recursive: true, force: true });
  });

  it('has commands to run', () => {
    expect(tourSteps(README).length).toBeGreaterThan(10);
  });

  it('prints, line by line, what the README shows', async () => {
    const background = new Map<string, Step & { file: string }>();
    for (const step of tourSteps(README)) {
      if (BACKGROUND.test(step.command)) {
        const job = `%${background.size + 1}`;
        const file = join(dir, `background-${background.size + 1}.out`);
        background.set(job, { ...step, file });
        expect(await shell.run(step.command.replace(BACKGROUND, `> ${file} &`))).toEqual({ output: [], code: 0 });
        continue;
      }
      const stopping = background.get(/^kill (%\d+)/.exec(step.command)?.[1] ?? '');
      if (stopping) await printed(stopping, stopping.file);
      const { output, code } = await shell.run(step.command);
      if (!matches(step.output, output) || code !== 0) expect({ command: step.command, output, code }).toEqual({ command: step.command, output: step.output, code: 0 });
    }
  });
});

/** A background command has printed its README lines, in order (a watch may print more in between). */
async function printed(job: Step, file: string): Promise<void> {
  const lines = async () => (await readFile(file, 'utf8')).split('\n');
  const seen = await eventually(`the output of "${job.command}"`, async () => matches(['...', ...job.output], await lines()) || undefined).catch(() => false);
  if (!seen) expect({ command: job.command, output: await lines() }).toEqual({ command: job.command, output: job.output });
}
