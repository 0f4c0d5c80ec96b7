import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { REPO_ROOT } from './config-tree.js';

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  base: string;
  name?: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages of instructions (continuation lines joined, comments dropped). */
function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((line) => line.trim());
  for (const line of lines.filter((line) => line !== '' && !line.startsWith('#'))) {
    const [, keyword, args] = /^(\S+)\s+(.*)$/.exec(line)!;
    if (keyword!.toUpperCase() === 'FROM') {
      const [base, , name] = args!.split(/\s+/);
      stages.push({ base: base!, ...(name ? { name } : {}), instructions: [] });
    } else {
      stages.at(-1)!.instructions.push({ keyword: keyword!.toUpperCase(), args: args! });
    }
  }
  return stages;
}

const stages = parseDockerfile(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8'));
const [build, runtime] = stages as [Stage, Stage];
const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));
const bundleScript = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.bundle!;
const bundleFile = /--outfile=(\S+)/.exec(bundleScript)![1]!;

it('has a build stage and a distroless runtime', () => {
  expect(stages.map(({ base, name }) => ({ base, name }))).toEqual([
    { base: 'node:22-slim', name: 'build' },
    { base: 'gcr.io/distroless/nodejs22-debian12:nonroot', name: undefined },
  ]);
});

it('bundles with the dev dependencies (npm run bundle: esbuild of the CLI entry point, every package inlined)', () => {
  expect(all(build, 'RUN')).toEqual(['npm install --ignore-scripts --no-audit --no-fund', 'npm run bundle']);
  expect(bundleScript).toMatch(/^esbuild src\/cli\/main\.ts --bundle --platform=node /);
  expect(bundleScript).not.toMatch(/--external|--packages=external/);
  expect(bundleFile).toBe('dist/bundle/podeip.mjs');
});

it('copies into the runtime only the bundle directory and package.json (for the version), no node_modules', () => {
  expect(all(runtime, 'COPY')).toEqual([`--from=build /app/${dirname(bundleFile)} ./`, 'package.json ./']);
  expect(all(runtime, 'RUN')).toEqual([]);
  expect(all(runtime, 'WORKDIR')).toEqual(['/app']);
});

it('runs as a numeric non-root user so that runAsNonRoot can be verified', () => {
  const users = all(runtime, 'USER');
  expect(users).toEqual(['65532:65532']);
  expect(Number(users[0]!.split(':')[0])).toBeGreaterThan(0);
});

it('starts podeip run from the bundle file in the working directory', () => {
  expect(all(runtime, 'ENTRYPOINT').map((args) => JSON.parse(args) as string[])).toEqual([['/nodejs/bin/node', basename(bundleFile), 'run']]);
  expect(existsSync(join(REPO_ROOT, 'src/cli/main.ts'))).toBe(true);
});

it('exposes the metrics and health ports of the Deployment', () => {
  expect(all(runtime, 'EXPOSE')).toEqual(['8080 8081']);
});

it('copies from the build context only files that exist and are not in .dockerignore', () => {
  const sources = stages
    .flatMap((stage) => all(stage, 'COPY'))
    .filter((args) => !args.startsWith('--from='))
    .flatMap((args) => args.split(/\s+/).slice(0, -1));
  expect(sources.sort()).toEqual(['package-lock.json', 'package.json', 'package.json', 'src']);
  expect(sources.filter((source) => !existsSync(join(REPO_ROOT, source)) || ignored.includes(source))).toEqual([]);
});

it('keeps local builds, dependencies, tests, the sandbox and VCS data out of the build context', () => {
  expect(ignored).toEqual(expect.arrayContaining(['.git', 'node_modules', 'dist', 'test', 'hack', '.sandbox']));
});
