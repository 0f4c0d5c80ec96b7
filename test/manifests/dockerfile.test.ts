import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
const [build, deps, runtime] = stages as [Stage, Stage, Stage];
const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));

it('has a build stage, a production-dependencies stage and a distroless runtime', () => {
  expect(stages.map(({ base, name }) => ({ base, name }))).toEqual([
    { base: 'node:22-slim', name: 'build' },
    { base: 'node:22-slim', name: 'deps' },
    { base: 'gcr.io/distroless/nodejs22-debian12:nonroot', name: undefined },
  ]);
});

it('compiles with the dev dependencies and installs only production dependencies for the runtime', () => {
  expect(all(build, 'RUN')).toEqual(['npm install --ignore-scripts --no-audit --no-fund', 'npx tsc -p tsconfig.build.json']);
  expect(all(deps, 'RUN')).toEqual(['npm install --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force']);
});

it('copies into the runtime only production node_modules, the compiled dist and package.json', () => {
  expect(all(runtime, 'COPY')).toEqual([
    '--from=deps /app/node_modules ./node_modules',
    '--from=build /app/dist ./dist',
    'package.json ./',
  ]);
  expect(all(runtime, 'RUN')).toEqual([]);
});

/** Top-level packages that `npm install --omit=dev` installs: production dependencies and what they pull in. */
function productionPackages(): Set<string> {
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  return new Set(
    Object.entries(lock.packages)
      .filter(([path, entry]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) && !entry.dev && !entry.devOptional)
      .map(([path]) => path.slice('node_modules/'.length)),
  );
}

function packagesImportedBySrc(): string[] {
  const sources = readdirSync(join(REPO_ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.ts'));
  const imported = sources.flatMap((path) =>
    [...readFileSync(join(REPO_ROOT, 'src', path), 'utf8').matchAll(/from '([^.'][^']*)'/g)]
      .map((match) => match[1]!)
      .filter((specifier) => !specifier.startsWith('node:'))
      .map((specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')),
  );
  return [...new Set(imported)].sort();
}

it('installs in the runtime every package that src/ imports, and no dev dependency', () => {
  const installed = productionPackages();
  const imported = packagesImportedBySrc();
  expect(imported.filter((name) => !installed.has(name))).toEqual([]);
  expect(imported).toEqual(expect.arrayContaining(['@kubernetes/client-node', 'pino']));
  expect(['jest', 'typescript', 'yaml', 'ts-jest'].filter((name) => installed.has(name))).toEqual([]);
});

it('runs as a numeric non-root user so that runAsNonRoot can be verified', () => {
  const users = all(runtime, 'USER');
  expect(users).toEqual(['65532:65532']);
  expect(Number(users[0]!.split(':')[0])).toBeGreaterThan(0);
});

it('starts podeip run from the file tsc emits for src/cli/main.ts', () => {
  expect(all(runtime, 'ENTRYPOINT').map((args) => JSON.parse(args) as string[])).toEqual([
    ['/nodejs/bin/node', 'dist/src/cli/main.js', 'run'],
  ]);
  const buildConfig = JSON.parse(readFileSync(join(REPO_ROOT, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
  const baseConfig = JSON.parse(readFileSync(join(REPO_ROOT, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { outDir: string; rootDir: string };
  };
  expect(baseConfig.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: '.' });
  expect(buildConfig.include).toContain('src');
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
  expect(sources.sort()).toEqual(['package-lock.json', 'package-lock.json', 'package.json', 'package.json', 'package.json', 'src', 'tsconfig.build.json', 'tsconfig.json']);
  expect(sources.filter((source) => !existsSync(join(REPO_ROOT, source)) || ignored.includes(source))).toEqual([]);
});

it('keeps local builds, dependencies, tests, the sandbox and VCS data out of the build context', () => {
  expect(ignored).toEqual(expect.arrayContaining(['.git', 'node_modules', 'dist', 'test', 'hack', '.sandbox']));
});
