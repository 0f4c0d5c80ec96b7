/**
 * `podeip sandbox`: starts everything, shows the live view until Ctrl-C (or SIGTERM), then stops
 * everything it started. Exit codes: 0 clean stop, 1 start-up failure, 2 bad flags.
 */
import { isAbsolute, relative } from 'node:path';
import { SANDBOX_USAGE, UsageError, parseSandboxArgs, wantsHelp } from './options.js';
import { startSandbox, type Sandbox } from './sandbox.js';
import { startLiveView } from './live-view.js';
import { startPrometheusBeside } from '../prometheus/sandbox-prometheus.js';
import type { PrometheusServer } from '../prometheus/prometheus-server.js';

export async function runSandboxCommand(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(`${SANDBOX_USAGE}\n`);
    return 0;
  }
  let options;
  try {
    options = parseSandboxArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`podeip sandbox: ${error.message}\n`);
    return 2;
  }
  const progress = (step: string) => process.stderr.write(`sandbox: ${step}\n`);
  let sandbox;
  try {
    sandbox = await startSandbox(options, progress);
  } catch (error) {
    process.stderr.write(`podeip sandbox: ${(error as Error).message}\n`);
    return 1;
  }
  let prometheus: PrometheusServer | undefined;
  try {
    if (options.prometheus) prometheus = await startPrometheusBeside(sandbox.ready, progress);
  } catch (error) {
    process.stderr.write(`podeip sandbox: ${(error as Error).message}\n`);
    await sandbox.stop();
    return 1;
  }
  progress(`ready (${options.readyFilePath})`);
  if (!process.stdout.isTTY) process.stdout.write(`${introduction(sandbox).join('\n')}\n\n`);
  const { ready } = sandbox;
  const view = startLiveView({ kubeConfig: sandbox.apiServer.kubeConfig(), provider: ready.provider, cloudAdmin: ready.cloudAdmin }, process.stdout, introduction(sandbox));
  const signal = await untilSignal();
  await view.stop();
  progress(`${signal}: stopping`);
  await prometheus?.stop();
  await sandbox.stop();
  progress('stopped');
  return 0;
}

function introduction({ ready, controllerLogPath }: Sandbox): string[] {
  return [
    `podeip sandbox (${ready.provider}) — API server ${ready.apiServer}, cloud emulator ${ready.cloudEndpoint}`,
    `  kubectl --kubeconfig ${shortPath(ready.kubeconfig)} get eipc,pods -A`,
    `  curl -s ${ready.cloudAdmin}/addresses | jq        # the emulated cloud's view`,
    `  curl -s ${ready.metrics} | grep ^podeip_`,
    `  controller log: ${shortPath(controllerLogPath)}`,
  ];
}

/** Relative to the working folder when inside it, as the user typed it; absolute otherwise. */
function shortPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
