import { KubeConfig } from '@kubernetes/client-node';
import { DEFAULT_TIMINGS, LeaderElectionConfigError, startLeaderElection } from '../../src/leader/index.js';
import { defaultIdentity, resolveTimings } from '../../src/leader/options.js';
import { hostname } from 'node:os';

describe('resolveTimings', () => {
  it('defaults to controller-runtime values', () => {
    expect(resolveTimings({})).toEqual({ leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 });
    expect(DEFAULT_TIMINGS).toEqual(resolveTimings({}));
  });

  it.each([
    [{ leaseDurationMs: 10_000 }, 'leaseDurationMs (10000) must be greater than renewDeadlineMs (10000)'],
    [{ renewDeadlineMs: 2_400 }, 'renewDeadlineMs (2400) must be greater than 1.2 × retryPeriodMs (2000)'],
    [{ retryPeriodMs: 0 }, 'retryPeriodMs must be greater than zero, got 0'],
    [{ leaseDurationMs: -1 }, 'leaseDurationMs must be greater than zero, got -1'],
    [{ renewDeadlineMs: Number.NaN }, 'renewDeadlineMs must be greater than zero, got NaN'],
  ])('rejects %j', (timings, message) => {
    expect(() => resolveTimings(timings)).toThrow(new LeaderElectionConfigError(message));
  });

  it('accepts renewDeadline just above 1.2 × retryPeriod', () => {
    expect(resolveTimings({ leaseDurationMs: 3_000, renewDeadlineMs: 2_401, retryPeriodMs: 2_000 })).toEqual({
      leaseDurationMs: 3_000,
      renewDeadlineMs: 2_401,
      retryPeriodMs: 2_000,
    });
  });
});

describe('startLeaderElection validates before touching the API', () => {
  const base = {
    kubeConfig: new KubeConfig(),
    namespace: 'podeip-system',
    name: 'podeip-leader',
    onStartedLeading: () => undefined,
    onStoppedLeading: () => undefined,
  };

  it.each([
    [{ namespace: '' }, 'namespace of the lease is required'],
    [{ name: '' }, 'name of the lease is required'],
    [{ identity: '' }, 'identity must not be empty'],
    [{ retryPeriodMs: 9_000 }, 'renewDeadlineMs (10000) must be greater than 1.2 × retryPeriodMs (9000)'],
  ])('rejects %j', (override, message) => {
    expect(() => startLeaderElection({ ...base, ...override })).toThrow(new LeaderElectionConfigError(message));
  });
});

it('default identity is hostname_uuid', () => {
  expect(defaultIdentity()).toMatch(new RegExp(`^${hostname()}_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`));
  expect(defaultIdentity()).not.toBe(defaultIdentity());
});
