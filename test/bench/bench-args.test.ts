import { BenchUsageError, parseBenchArgs } from '../../hack/bench/bench-args.js';

describe('parseBenchArgs', () => {
  test('defaults: the lifecycle scenario, Tencent, 200 pods, table output, timeout from the floor', () => {
    expect(parseBenchArgs([])).toEqual({ scenario: 'lifecycle', provider: 'tencent', pods: 200, json: false });
  });

  test('every flag', () => {
    expect(parseBenchArgs(['--scenario', 'pool', '--provider', 'alibaba', '--pods', '500', '--timeout', '900', '--json'])).toEqual({ scenario: 'pool', provider: 'alibaba', onlyProvider: 'alibaba', pods: 500, timeoutSeconds: 900, json: true });
  });

  test('the scale scenarios take --claims and --seconds', () => {
    expect(parseBenchArgs(['--scenario', 'memory', '--pods', '50000', '--claims', '10000', '--seconds', '30'])).toEqual({ scenario: 'memory', provider: 'tencent', pods: 50000, claims: 10000, seconds: 30, json: false });
  });

  test.each([
    [['--scenario', 'warm'], '--scenario must be lifecycle or pool or memory or idle or restart or burst or latency, got "warm"'],
    [['--provider', 'aws'], '--provider must be tencent or alibaba, got "aws"'],
    [['--pods', '0'], '--pods must be a positive whole number, got "0"'],
    [['--pods', '2.5'], '--pods must be a positive whole number, got "2.5"'],
    [['--timeout', 'soon'], '--timeout must be a positive whole number, got "soon"'],
    [['--claims', '0'], '--claims must be a positive whole number, got "0"'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(new BenchUsageError(message));
  });

  test('an unknown flag is refused', () => {
    expect(() => parseBenchArgs(['--nodes', '3'])).toThrow(BenchUsageError);
  });
});
