/**
 * `podeip sandbox`: starts everything, shows the live view until Ctrl-C (or SIGTERM), then stops
 * everything it started. Exit codes: 0 clean stop, 1 start-up failure, 2 bad flags.
 */
import { relative } from 'node:path';
import { SANDBOX_USAGE, UsageError, parseSandboxArgs, wantsHelp } from './options.js';
import { startSandbox, type Sandbox } from './sandbox.js';
import { startLiveView } from './live-view.js';

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
  progress(`ready (${options.readyFilePath})`);
  if (!process.stdout.isTTY) process.stdout.write(`${introduction(sandbox)}\n\n`);
  const view = startLiveView(sandbox.apiServer.kubeConfig(), process.stdout, introduction(sandbox));
  const signal = await untilSignal();
  progress(`${signal}: stopping`);
  view.stop();
  await sandbox.stop();
  progress('stopped');
  return 0;
}

function introduction({ ready, controllerLogPath }: Sandbox): string {
  const kubeconfig = relative(process.cwd(), ready.kubeconfig) || ready.kubeconfig;
  return [
    `podeip sandbox (${ready.provider}) — API server ${ready.apiServer}, cloud emulator ${ready.cloudEndpoint}`,
    `  kubectl --kubeconfig ${kubeconfig} get eipc,pods -A`,
    `  curl ${ready.cloudAdmin}/addresses        # the emulated cloud's view`,
    `  curl ${ready.metrics}`,
    `  controller log: ${relative(process.cwd(), controllerLogPath)}`,
  ].join('\n');
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
