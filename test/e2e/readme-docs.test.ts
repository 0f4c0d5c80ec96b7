/**
 * The README says what the product does (issue 15 item 3): its downward-API example is the samples'
 * own, it links nothing outside the repository, and its troubleshooting covers every Warning reason
 * the controller emits (read from the sources, so a new reason cannot go undocumented).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const README = readFileSync('README.md', 'utf8');
const FIELD_PATH = /fieldPath: (metadata\.annotations\['[^']+'\])/g;

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(join(folder, name), 'utf8'));
}

/** `announce(..., 'Warning', REASON, ...)`, `withFailureEvent(..., REASON, ...)` and `reportWaiting(claim, pod, CONDITION, REASON, ...)`. */
function warningReasons(sources: string[]): string[] {
  const patterns = [/'Warning',\s*'([A-Za-z]+)'/g, /withFailureEvent\([^']*'([A-Za-z]+)'/g, /reportWaiting\([^']*'[A-Za-z]+',\s*'([A-Za-z]+)'/g];
  const reasons = sources.flatMap((source) => patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!)));
  return [...new Set(reasons)].sort();
}

describe('the README matches the product', () => {
  it('shows the downward-API annotation the Tencent sample reads, and names the Alibaba one', () => {
    const sample = readFileSync('config/samples/game-statefulset.yaml', 'utf8');
    const alibaba = readFileSync('config/samples/alibaba/game-statefulset.yaml', 'utf8');
    expect([...README.matchAll(FIELD_PATH)].map((match) => match[1])).toEqual([...sample.matchAll(FIELD_PATH)].map((match) => match[1]));
    const [alibabaPath] = [...alibaba.matchAll(FIELD_PATH)].map((match) => match[1]!);
    expect(README).toContain(`\`${alibabaPath}\``);
  });

  it('links only to files inside the repository', () => {
    const targets = [...README.matchAll(/\]\(([^)#]+)[^)]*\)/g)].map((match) => match[1]!).filter((target) => !/^https?:/.test(target));
    expect(targets.filter((target) => target.startsWith('..') || target.startsWith('/'))).toEqual([]);
    for (const target of targets) expect(() => readFileSync(target)).not.toThrow();
  });

  it('has a troubleshooting entry for every Warning reason podeip emits', () => {
    const reasons = warningReasons([...sourcesUnder('src/lifecycle'), ...sourcesUnder('src/pools')]);
    expect(reasons).toEqual(expect.arrayContaining(['AddressConflict', 'AddressLost', 'AddressNotFound', 'FailedAllocateEIP', 'FailedAssociateEIP', 'FailedDisassociateEIP', 'FailedReleaseEIP', 'InvalidEIPRequest', 'NoNetworkInterface']));
    const troubleshooting = README.slice(README.indexOf('## Troubleshooting'), README.indexOf('\n## ', README.indexOf('## Troubleshooting') + 1));
    expect(reasons.filter((reason) => !troubleshooting.includes(`\`${reason}\``))).toEqual([]);
  });
});
