import { BenchUsageError, parseBenchArgs } from '../../hack/bench/bench-args.js';

describe('parseBenchArgs', () => {
  test('defaults: Tencent, 200 pods, table output, timeout from the floor', () => {
    expect(parseBenchArgs([])).toEqual({ provider: 'tencent', pods: 200, json: false });
  });

  test('every flag', () => {
    expect(parseBenchArgs(['--provider', 'alibaba', '--pods', '500', '--timeout', '900', '--json'])).toEqual({ provider: 'alibaba', pods: 500, timeoutSeconds: 900, json: true });
  });

  test.each([
    [['--provider', 'aws'], '--provider must be tencent or alibaba, got "aws"'],
    [['--pods', '0'], '--pods must be a positive whole number, got "0"'],
    [['--pods', '2.5'], '--pods must be a positive whole number, got "2.5"'],
    [['--timeout', 'soon'], '--timeout must be a positive whole number, got "soon"'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(new BenchUsageError(message));
  });

  test('an unknown flag is refused', () => {
    expect(() => parseBenchArgs(['--nodes', '3'])).toThrow(BenchUsageError);
  });
});
