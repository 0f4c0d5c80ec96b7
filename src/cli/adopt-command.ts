/**
 * `podeip adopt --from ipamd|terway|ack-extend [--dry-run]` (SPEC §11): turns the bindings another
 * controller made into EIPClaims the controller then keeps as they are, without a cloud write but tags.
 * Run it with the old controller stopped and before podeip's controller starts.
 */
import { adopt } from '../adopt/adopt.js';
import { ADOPT_SOURCES, type AdoptSource, SOURCE_PROVIDER } from '../adopt/adoption-sources.js';
import { KubeAdoptionCluster } from '../adopt/kube-adoption-cluster.js';
import { DIALECTS } from '../annotations/dialects.js';
import { FlagError, type FlagSpec, parseFlags, usageLines } from './flag-parser.js';
import type { Output } from './podeip.js';
import { cloudAccessOf, oneOffCommandFlags } from './run-flags.js';
import { cloudProviderFor, passStartupChecks } from './startup-checks.js';
import { exitCodeFor } from './startup-error.js';

const ADOPT_FLAGS: FlagSpec[] = [
  { name: 'from', kind: 'string', help: `the controller whose bindings to adopt: ${ADOPT_SOURCES.join(', ')}` },
  ...oneOffCommandFlags(),
  { name: 'dry-run', kind: 'boolean', help: 'print the plan and change nothing' },
  { name: 'help', kind: 'boolean', help: 'show this help' },
];

export const ADOPT_USAGE = [
  'Usage: podeip adopt --from ipamd|terway|ack-extend --cluster-id ID [--dry-run] [flags]',
  '',
  'Moves pods from ipamd (--provider tencent), Terway or ack-extend (--provider alibaba) to podeip without',
  're-binding them: finds the addresses bound to running pods that ask for one in those annotations (ack-extend:',
  'its PodEIPs), prints the plan (pod, address, public IP, ownership, action) and, without --dry-run, creates',
  'the EIPClaims as Bound and tags the owned addresses. Stop the old controller first; start podeip after.',
  '',
  'Flags:',
  ...usageLines(ADOPT_FLAGS),
].join('\n');

const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export async function adoptCommand(argv: string[], output: Output = processOutput): Promise<number> {
  try {
    const values = parseFlags(argv, ADOPT_FLAGS);
    if (values.get('help') === true) {
      output.stdout(`${ADOPT_USAGE}\n`);
      return 0;
    }
    const text = (name: string) => values.get(name) as string | undefined;
    const source = sourceOf(text('from'));
    const access = cloudAccessOf((name) => (name === 'provider' ? (text(name) ?? SOURCE_PROVIDER[source]) : text(name)));
    if (access.provider !== SOURCE_PROVIDER[source]) throw new FlagError(`--from ${source} needs --provider ${SOURCE_PROVIDER[source]}, got --provider ${access.provider}`);
    const kubeConfig = await passStartupChecks(access);
    const provider = await cloudProviderFor(access);
    try {
      const report = await adopt(provider, new KubeAdoptionCluster(kubeConfig, text('namespace')), DIALECTS[access.provider], {
        source,
        clusterId: access.clusterId,
        dryRun: values.get('dry-run') === true,
        now: () => new Date(),
        print: (line) => output.stdout(`${line}\n`),
      });
      return report.failed > 0 ? 1 : 0;
    } finally {
      provider.close();
    }
  } catch (error) {
    return exitCodeFor('podeip adopt', error);
  }
}

function sourceOf(value: string | undefined): AdoptSource {
  if (!value) throw new FlagError(`--from is required: one of ${ADOPT_SOURCES.join(', ')}`);
  if (!(ADOPT_SOURCES as string[]).includes(value)) throw new FlagError(`--from must be one of ${ADOPT_SOURCES.join(', ')}, got "${value}"`);
  return value as AdoptSource;
}
