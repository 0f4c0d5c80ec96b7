/**
 * `podeip teardown --cluster-id ID [--dry-run]`: before uninstalling podeip or deleting a cluster,
 * release every address podeip owns for the cluster, unbind the static ones claims hold, and remove
 * the claims' and pools' finalizers (SPEC §12). Run it once the controller is stopped, or it allocates anew.
 */
import { pino } from 'pino';
import { KubeApi } from '../k8s/kube-api.js';
import { ignoreCloudCalls } from '../providers/cloud-call-observer.js';
import { CloudAudit } from '../telemetry/audit.js';
import { summaryTable, tearDown } from '../teardown/teardown.js';
import { type FlagSpec, parseFlags, usageLines } from './flag-parser.js';
import { cloudAccessOf, oneOffCommandFlags } from './run-flags.js';
import { cloudProviderFor, passStartupChecks } from './startup-checks.js';
import { exitCodeFor } from './startup-error.js';

const TEARDOWN_FLAGS: FlagSpec[] = [
  ...oneOffCommandFlags(),
  { name: 'dry-run', kind: 'boolean', help: 'list what would be unbound, released and unfinalized, and change nothing' },
  { name: 'help', kind: 'boolean', help: 'show this help' },
];

export const TEARDOWN_USAGE = [
  'Usage: podeip teardown --cluster-id ID [--dry-run] [flags]',
  '',
  'Before uninstalling podeip or deleting the cluster (stop the controller first): unbinds and releases every',
  'address podeip allocated for this cluster id, unbinds the static addresses claims hold (never releasing them),',
  'and removes the EIPClaims\' and EIPPools\' finalizers. Prints each step, then a summary table; exit 1 if any step failed.',
  '',
  'Flags:',
  ...usageLines(TEARDOWN_FLAGS),
].join('\n');

export async function teardownCommand(argv: string[]): Promise<number> {
  try {
    const values = parseFlags(argv, TEARDOWN_FLAGS);
    if (values.get('help') === true) {
      process.stdout.write(`${TEARDOWN_USAGE}\n`);
      return 0;
    }
    const text = (name: string) => values.get(name) as string | undefined;
    const access = cloudAccessOf(text);
    const kubeConfig = await passStartupChecks(access);
    const holders = new Map<string, string>();
    const audit = new CloudAudit(pino({ level: 'info' }, process.stderr), (addressId) => holders.get(addressId));
    const cloud = await cloudProviderFor(access, { observer: audit.observer(ignoreCloudCalls) });
    const provider = audit.provider(cloud);
    try {
      const report = await tearDown(provider, new KubeApi(kubeConfig, text('namespace')), {
        clusterId: access.clusterId,
        namespace: text('namespace'),
        dryRun: values.get('dry-run') === true,
        pollIntervalMs: 500,
        waitLimitMs: 120_000,
        progress: (line) => process.stdout.write(`${line}\n`),
        planned: (plan) => plan.addresses.forEach((step) => step.claim && holders.set(step.address.id, step.claim)),
      });
      process.stdout.write(`\n${summaryTable(report)}\n`);
      return report.failed ? 1 : 0;
    } finally {
      cloud.close();
    }
  } catch (error) {
    return exitCodeFor('podeip teardown', error);
  }
}
