import { ChaosUsageError, parseChaosArgs } from '../../hack/chaos/chaos-args.js';

describe('parseChaosArgs (make chaos ARGS=...)', () => {
  test('defaults: both providers, 180 s of faults each, seed 1, 4 replicas, table output', () => {
    expect(parseChaosArgs([])).toEqual({ providers: ['tencent', 'alibaba'], durationSeconds: 180, seed: 1, replicas: 4, json: false });
  });

  test('every flag', () => {
    expect(parseChaosArgs(['--provider', 'alibaba', '--duration', '30', '--seed', '7', '--replicas', '2', '--json'])).toEqual({ providers: ['alibaba'], durationSeconds: 30, seed: 7, replicas: 2, json: true });
  });

  test.each([
    [['--provider', 'aws'], '--provider must be tencent, alibaba or both, got "aws"'],
    [['--duration', '0'], '--duration must be a positive whole number, got "0"'],
    [['--seed', '1.5'], '--seed must be a positive whole number, got "1.5"'],
    [['--replicas', 'two'], '--replicas must be a positive whole number, got "two"'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseChaosArgs(argv)).toThrow(new ChaosUsageError(message));
  });

  test('an unknown flag is refused', () => {
    expect(() => parseChaosArgs(['--pods', '3'])).toThrow(ChaosUsageError);
  });
});
