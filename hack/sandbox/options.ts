/**
 * `podeip sandbox` command line (SPEC §9):
 *   podeip sandbox [--provider tencent|alibaba] [--api-port N] [--cloud-port N] [--metrics-port N]
 *                  [--kubeconfig PATH] [--ready-file PATH] [--no-demo] [-- CONTROLLER FLAGS]
 */
import { parseStrictFlags } from '../cli/strict-flags.js';

export type SandboxProvider = 'tencent' | 'alibaba';

export interface SandboxOptions {
  provider: SandboxProvider;
  apiPort: number;
  cloudPort: number;
  metricsPort: number;
  kubeconfigPath: string;
  readyFilePath: string;
  demo: boolean;
  /** Also start Prometheus scraping the controller (hack/prometheus). */
  prometheus: boolean;
  controllerFlags: string[];
}

export class UsageError extends Error {}

export const SANDBOX_USAGE = `Usage: podeip sandbox [flags] [-- CONTROLLER FLAGS]

Starts, on 127.0.0.1 only, a local Kubernetes API server with simulated nodes and workloads, the
chosen cloud's EIP emulator, and the podeip controller against both; then applies the demo
workloads from config/samples/ and shows their claims and public IPs until Ctrl-C: a table redrawn
in place on a terminal, one timestamped line per change otherwise. One sandbox runs per folder (the
kubeconfig's); a second one there stops at once.

Flags:
  --provider tencent|alibaba   cloud to emulate (default tencent)
  --api-port N                 local API server port (default: a free port)
  --cloud-port N               cloud emulator port (default: a free port)
  --metrics-port N             controller metrics port (default: a free port)
  --kubeconfig PATH            where to write the kubeconfig (default .sandbox/kubeconfig)
  --ready-file PATH            written once everything is up (default .sandbox/ready.json)
  --no-demo                    do not apply the demo workloads
  --prometheus                 also start Prometheus (Debian's prometheus) scraping the controller
                               every second, with podeip's alert rules; prints its URL
  -h, --help                   show this help
Everything after "--" is passed to "podeip run" unchanged.`;

const SANDBOX_FLAGS = {
  provider: { type: 'string' },
  'api-port': { type: 'string' },
  'cloud-port': { type: 'string' },
  'metrics-port': { type: 'string' },
  kubeconfig: { type: 'string' },
  'ready-file': { type: 'string' },
  'no-demo': { type: 'boolean' },
  prometheus: { type: 'boolean' },
} as const;

export function parseSandboxArgs(argv: string[]): SandboxOptions {
  const separator = argv.indexOf('--');
  const own = separator === -1 ? argv : argv.slice(0, separator);
  const controllerFlags = separator === -1 ? [] : argv.slice(separator + 1);
  const values = parseStrictFlags(own, SANDBOX_FLAGS, UsageError);
  return {
    provider: parseProvider(values.provider ?? 'tencent'),
    apiPort: parsePort('--api-port', values['api-port']),
    cloudPort: parsePort('--cloud-port', values['cloud-port']),
    metricsPort: parsePort('--metrics-port', values['metrics-port']),
    kubeconfigPath: values.kubeconfig ?? '.sandbox/kubeconfig',
    readyFilePath: values['ready-file'] ?? '.sandbox/ready.json',
    demo: !values['no-demo'],
    prometheus: values.prometheus === true,
    controllerFlags,
  };
}

export function wantsHelp(argv: string[]): boolean {
  const separator = argv.indexOf('--');
  const own = separator === -1 ? argv : argv.slice(0, separator);
  return own.includes('--help') || own.includes('-h');
}

function parseProvider(value: string): SandboxProvider {
  if (value === 'tencent' || value === 'alibaba') return value;
  throw new UsageError(`--provider must be tencent or alibaba, got "${value}"`);
}

/** 0 means "pick a free port". */
function parsePort(flag: string, value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new UsageError(`${flag} must be a port number from 1 to 65535, got "${value}"`);
  }
  return port;
}
