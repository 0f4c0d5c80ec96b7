import { UsageError, parseSandboxArgs, wantsHelp } from '../../../hack/sandbox/options.js';

describe('podeip sandbox flags (SPEC §9)', () => {
  it('defaults to tencent, free ports, .sandbox files and the demo', () => {
    expect(parseSandboxArgs([])).toEqual({
      provider: 'tencent',
      apiPort: 0,
      cloudPort: 0,
      metricsPort: 0,
      kubeconfigPath: '.sandbox/kubeconfig',
      readyFilePath: '.sandbox/ready.json',
      demo: true,
      prometheus: false,
      controllerFlags: [],
    });
  });

  it('takes every flag and passes what follows -- to the controller unchanged', () => {
    const options = parseSandboxArgs([
      '--provider', 'alibaba', '--api-port', '6443', '--cloud-port=9000', '--metrics-port', '8080',
      '--kubeconfig', '/tmp/k', '--ready-file', '/tmp/r.json', '--no-demo', '--prometheus', '--', '--enable-ownerref', '--provider', 'x',
    ]);
    expect(options).toEqual({
      provider: 'alibaba',
      apiPort: 6443,
      cloudPort: 9000,
      metricsPort: 8080,
      kubeconfigPath: '/tmp/k',
      readyFilePath: '/tmp/r.json',
      demo: false,
      prometheus: true,
      controllerFlags: ['--enable-ownerref', '--provider', 'x'],
    });
  });

  it.each([
    [['--provider', 'aws'], '--provider must be tencent or alibaba, got "aws"'],
    [['--api-port', '70000'], '--api-port must be a port number from 1 to 65535, got "70000"'],
    [['--cloud-port', 'abc'], '--cloud-port must be a port number from 1 to 65535, got "abc"'],
    [['--metrics-port', '0'], '--metrics-port must be a port number from 1 to 65535, got "0"'],
  ])('refuses %j with a clear message', (args, message) => {
    expect(() => parseSandboxArgs(args)).toThrow(new UsageError(message));
  });

  it('refuses unknown flags', () => {
    expect(() => parseSandboxArgs(['--demo'])).toThrow(UsageError);
  });

  it('sees --help only before --', () => {
    expect(wantsHelp(['--help'])).toBe(true);
    expect(wantsHelp(['--', '--help'])).toBe(false);
  });
});
